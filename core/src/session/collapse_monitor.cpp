#include "dino/session/collapse_monitor.h"

#include <cmath>

namespace dino {

CollapseMonitor::CollapseMonitor(int64_t out_dim, int64_t patience)
    : ln_k_(std::log(static_cast<double>(out_dim > 1 ? out_dim : 2))), patience_(patience < 1 ? 1 : patience) {
  status_.ln_k = ln_k_;
}

CollapseKind CollapseMonitor::classify(double teacher_entropy, double mean_teacher_entropy, double kl, double ln_k) {
  // Every image on the same output: even the batch average is nearly one-hot.
  if (mean_teacher_entropy < 0.05 * ln_k && teacher_entropy < 0.05 * ln_k) return CollapseKind::OneDimension;
  // The teacher spreads evenly over all K outputs and the student has nothing left to learn.
  if (teacher_entropy > 0.95 * ln_k && kl < 0.01 * ln_k) return CollapseKind::Uniform;
  return CollapseKind::None;
}

const CollapseStatus& CollapseMonitor::add(const MetricRecord& record) {
  if (record.kind != MetricRecord::Kind::Step) return status_;
  const auto kind = classify(record.teacher_entropy, record.mean_teacher_entropy, record.kl_divergence, ln_k_);
  if (kind != streak_kind_) {
    streak_kind_ = kind;
    streak_length_ = 0;
    streak_start_ = record.iteration;
  }
  ++streak_length_;
  status_.kind = kind != CollapseKind::None && streak_length_ >= patience_ ? kind : CollapseKind::None;
  status_.since_iteration = status_.kind == CollapseKind::None ? -1 : streak_start_;
  status_.teacher_entropy = record.teacher_entropy;
  status_.mean_teacher_entropy = record.mean_teacher_entropy;
  status_.kl = record.kl_divergence;
  return status_;
}

}  // namespace dino

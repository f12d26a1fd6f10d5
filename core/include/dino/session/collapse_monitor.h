// Reading collapse off the loss diagnostics, as the paper's §5.3 does: the cross-entropy splits into
// the teacher's entropy h and KL(teacher || student). Two failure modes (reference.md §1.5):
// - one dimension dominates: the teacher puts all its mass on one output for every image, so h and
//   the entropy of the batch-mean teacher distribution both fall to 0;
// - uniform output: the teacher's entropy rises to ln K and the student copies it, KL near 0.
// A condition must hold for `patience` consecutive steps before it is reported: single steps at
// initialisation or during the warm-up can look like either.
#pragma once

#include "dino/session/metric_record.h"

#include <cstdint>

namespace dino {

enum class CollapseKind { None, OneDimension, Uniform };

struct CollapseStatus {
  CollapseKind kind = CollapseKind::None;
  int64_t since_iteration = -1;  // first step of the current streak
  double teacher_entropy = 0, mean_teacher_entropy = 0, kl = 0, ln_k = 0;  // the last step's
};

class CollapseMonitor {
 public:
  explicit CollapseMonitor(int64_t out_dim, int64_t patience = 50);
  // Feed every step record (other kinds are ignored); returns the status after it.
  const CollapseStatus& add(const MetricRecord& record);
  const CollapseStatus& status() const { return status_; }
  double ln_k() const { return ln_k_; }

  // The per-step tests, thresholds relative to ln K.
  static CollapseKind classify(double teacher_entropy, double mean_teacher_entropy, double kl, double ln_k);

 private:
  double ln_k_;
  int64_t patience_;
  CollapseKind streak_kind_ = CollapseKind::None;
  int64_t streak_length_ = 0;
  int64_t streak_start_ = -1;
  CollapseStatus status_;
};

}  // namespace dino

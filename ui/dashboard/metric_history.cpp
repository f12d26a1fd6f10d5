#include "dashboard/metric_history.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>

void MetricHistory::append(const MetricRecords& records) {
  for (const auto& r : records) {
    auto& list = r.kind == dino::MetricRecord::Kind::Step ? steps_ : r.kind == dino::MetricRecord::Kind::Epoch ? epochs_ : knn_;
    arrival_.emplace_back(static_cast<int>(r.kind), list.size());
    list.push_back(r);
  }
}

void MetricHistory::clear() {
  steps_.clear();
  epochs_.clear();
  knn_.clear();
  arrival_.clear();
}

const dino::MetricRecord* MetricHistory::stepAt(double iteration) const {
  auto it = std::upper_bound(steps_.begin(), steps_.end(), iteration,
                             [](double x, const dino::MetricRecord& r) { return x < static_cast<double>(r.iteration); });
  if (it == steps_.begin()) return nullptr;
  return &*(it - 1);
}

bool MetricHistory::writeCsv(const QString& file, QString* error) const {
  QSaveFile out(file);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
    if (error) *error = QCoreApplication::translate("MetricHistory", "Cannot write %1: %2").arg(file, out.errorString());
    return false;
  }
  QTextStream s(&out);
  s << "kind,epoch,iteration,step,loss,lr,wd,momentum,teacher_temp,teacher_entropy,kl,mean_teacher_entropy,"
       "center_norm,center_mean,center_std,center_min,center_max,images_per_second,data_time,step_time,memory,"
       "device_memory,elapsed,knn_top1,knn_top5\n";
  auto number = [](double v) { return QString::number(v, 'g', 10); };
  for (const auto& [kind, index] : arrival_) {
    const auto& r = kind == 0 ? steps_[index] : kind == 1 ? epochs_[index] : knn_[index];
    const char* name = kind == 0 ? "step" : kind == 1 ? "epoch" : "knn";
    s << name << ',' << r.epoch << ',' << r.iteration << ',' << r.step << ',' << number(r.loss) << ',' << number(r.lr)
      << ',' << number(r.weight_decay) << ',' << number(r.momentum) << ',' << number(r.teacher_temperature) << ','
      << number(r.teacher_entropy) << ',' << number(r.kl_divergence) << ',' << number(r.mean_teacher_entropy) << ','
      << number(r.center_norm) << ',' << number(r.center_mean) << ',' << number(r.center_std) << ','
      << number(r.center_min) << ',' << number(r.center_max) << ',' << number(r.images_per_second) << ','
      << number(r.data_seconds) << ',' << number(r.step_seconds) << ',' << r.memory_bytes << ','
      << r.device_memory_bytes << ','
      << number(r.elapsed_seconds) << ',' << (r.knn_top1 ? number(*r.knn_top1) : QString()) << ','
      << (r.knn_top5 ? number(*r.knn_top5) : QString()) << '\n';
  }
  s.flush();
  if (!out.commit()) {
    if (error) *error = QCoreApplication::translate("MetricHistory", "Cannot write %1: %2").arg(file, out.errorString());
    return false;
  }
  return true;
}

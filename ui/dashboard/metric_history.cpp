#include "dashboard/metric_history.h"

#include <QCoreApplication>
#include <QSaveFile>
#include <QTextStream>

#include <algorithm>
#include <functional>
#include <optional>
#include <vector>

void MetricHistory::append(const MetricRecords& records) {
  for (const auto& r : records) {
    auto& list = r.kind == dino::MetricRecord::Kind::Step    ? steps_
                 : r.kind == dino::MetricRecord::Kind::Epoch ? epochs_
                                                             : knn_;
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
  auto it = std::upper_bound(steps_.begin(), steps_.end(), iteration, [](double x, const dino::MetricRecord& r) {
    return x < static_cast<double>(r.iteration);
  });
  if (it == steps_.begin()) return nullptr;
  return &*(it - 1);
}

namespace {

// Which records carry a column: a step all of its measurements, an epoch its mean loss and last
// schedule values, a k-NN evaluation its accuracies. Elsewhere the cell is blank, not 0.
enum RecordKinds : unsigned { kStep = 1, kEpoch = 2, kKnn = 4, kAll = 7 };

struct CsvColumn {
  const char* name;
  unsigned kinds;
  std::function<std::optional<double>(const dino::MetricRecord&)> value;
};

template <typename T>
std::function<std::optional<double>(const dino::MetricRecord&)> field(T dino::MetricRecord::*member) {
  return [member](const dino::MetricRecord& r) { return std::optional<double>(static_cast<double>(r.*member)); };
}

const std::vector<CsvColumn>& csvColumns() {
  using R = dino::MetricRecord;
  static const std::vector<CsvColumn> columns{
      {"epoch", kAll, field(&R::epoch)},
      {"iteration", kAll, field(&R::iteration)},
      {"step", kStep, field(&R::step)},
      {"loss", kStep | kEpoch, field(&R::loss)},
      {"lr", kStep | kEpoch, field(&R::lr)},
      {"wd", kStep | kEpoch, field(&R::weight_decay)},
      {"momentum", kStep, field(&R::momentum)},
      {"teacher_temp", kStep, field(&R::teacher_temperature)},
      {"teacher_entropy", kStep, field(&R::teacher_entropy)},
      {"kl", kStep, field(&R::kl_divergence)},
      {"mean_teacher_entropy", kStep, field(&R::mean_teacher_entropy)},
      {"center_norm", kStep, field(&R::center_norm)},
      {"center_mean", kStep, field(&R::center_mean)},
      {"center_std", kStep, field(&R::center_std)},
      {"center_min", kStep, field(&R::center_min)},
      {"center_max", kStep, field(&R::center_max)},
      {"images_per_second", kStep, field(&R::images_per_second)},
      {"data_time", kStep, field(&R::data_seconds)},
      {"step_time", kStep, field(&R::step_seconds)},
      {"memory", kStep, field(&R::memory_bytes)},
      // 0 means unknown or no GPU (metric_record.h): blank.
      {"device_memory", kStep,
       [](const R& r) {
         return r.device_memory_bytes > 0 ? std::optional<double>(static_cast<double>(r.device_memory_bytes))
                                          : std::nullopt;
       }},
      {"elapsed", kAll, field(&R::elapsed_seconds)},
      {"knn_top1", kKnn, [](const R& r) { return r.knn_top1; }},
      {"knn_top5", kKnn, [](const R& r) { return r.knn_top5; }},
  };
  return columns;
}

}  // namespace

bool MetricHistory::writeCsv(const QString& file, QString* error) const {
  QSaveFile out(file);
  if (!out.open(QIODevice::WriteOnly | QIODevice::Text)) {
    if (error)
      *error = QCoreApplication::translate("MetricHistory", "Cannot write %1: %2").arg(file, out.errorString());
    return false;
  }
  QTextStream s(&out);
  s << "kind";
  for (const auto& column : csvColumns()) s << ',' << column.name;
  s << '\n';
  for (const auto& [kind, index] : arrival_) {
    const auto& r = kind == 0 ? steps_[index] : kind == 1 ? epochs_[index] : knn_[index];
    const unsigned bit = kind == 0 ? kStep : kind == 1 ? kEpoch : kKnn;
    s << (kind == 0 ? "step" : kind == 1 ? "epoch" : "knn");
    for (const auto& column : csvColumns()) {
      s << ',';
      if (!(column.kinds & bit)) continue;
      if (const auto v = column.value(r)) s << QString::number(*v, 'g', 15);
    }
    s << '\n';
  }
  s.flush();
  if (!out.commit()) {
    if (error)
      *error = QCoreApplication::translate("MetricHistory", "Cannot write %1: %2").arg(file, out.errorString());
    return false;
  }
  return true;
}

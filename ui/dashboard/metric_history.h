// Every record of the run on display, kept in full (charts show a decimated view of it), and
// written out as CSV.
#pragma once

#include "training/metric_types.h"

#include <QString>

#include <vector>

class MetricHistory {
 public:
  void append(const MetricRecords& records);
  void clear();

  const std::vector<dino::MetricRecord>& steps() const { return steps_; }
  const std::vector<dino::MetricRecord>& epochs() const { return epochs_; }
  const std::vector<dino::MetricRecord>& knn() const { return knn_; }
  const dino::MetricRecord* lastStep() const { return steps_.empty() ? nullptr : &steps_.back(); }
  // The step record at the last iteration <= `iteration`, or nullptr.
  const dino::MetricRecord* stepAt(double iteration) const;

  // One row per record of every kind, in arrival order; false with `error` set on failure. The
  // file appears complete or not at all.
  bool writeCsv(const QString& file, QString* error) const;

 private:
  std::vector<dino::MetricRecord> steps_, epochs_, knn_;
  std::vector<std::pair<int, size_t>> arrival_;   // (kind, index) in arrival order
};

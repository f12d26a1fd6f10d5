#include "dashboard/min_max_pyramid.h"

#include <algorithm>
#include <cmath>
#include <limits>

namespace {

double nan_min(double a, double b) { return std::isnan(a) ? b : std::isnan(b) ? a : std::min(a, b); }
double nan_max(double a, double b) { return std::isnan(a) ? b : std::isnan(b) ? a : std::max(a, b); }

}  // namespace

void MinMaxPyramid::append(double x, double y) {
  x_.push_back(x);
  y_.push_back(y);
  // Complete the buckets this point closes, level by level.
  std::size_t count = x_.size();
  if (count % 2) return;
  double low = nan_min(y_[count - 2], y_[count - 1]), high = nan_max(y_[count - 2], y_[count - 1]);
  std::size_t level = 0;
  while (true) {
    if (min_.size() <= level) {
      min_.emplace_back();
      max_.emplace_back();
    }
    min_[level].push_back(low);
    max_[level].push_back(high);
    const std::size_t n = min_[level].size();
    if (n % 2) break;
    low = nan_min(min_[level][n - 2], min_[level][n - 1]);
    high = nan_max(max_[level][n - 2], max_[level][n - 1]);
    ++level;
  }
}

void MinMaxPyramid::clear() {
  x_.clear();
  y_.clear();
  min_.clear();
  max_.clear();
}

void MinMaxPyramid::envelope(double x0, double x1, int columns, std::vector<double>& xs, std::vector<double>& ys) const {
  xs.clear();
  ys.clear();
  // One point either side of the range, so lines run to the frame.
  auto first = std::lower_bound(x_.begin(), x_.end(), x0);
  auto last = std::upper_bound(x_.begin(), x_.end(), x1);
  std::size_t i0 = static_cast<std::size_t>(first - x_.begin()), i1 = static_cast<std::size_t>(last - x_.begin());
  if (i0 > 0) --i0;
  if (i1 < x_.size()) ++i1;
  const std::size_t n = i1 > i0 ? i1 - i0 : 0;
  columns = std::max(columns, 1);
  if (n <= static_cast<std::size_t>(4 * columns) || min_.empty()) {
    xs.assign(x_.begin() + static_cast<std::ptrdiff_t>(i0), x_.begin() + static_cast<std::ptrdiff_t>(i1));
    ys.assign(y_.begin() + static_cast<std::ptrdiff_t>(i0), y_.begin() + static_cast<std::ptrdiff_t>(i1));
    return;
  }
  // The level whose buckets hold about n / columns points.
  std::size_t level = 0;
  while (level + 1 < min_.size() && (std::size_t{2} << (level + 1)) * static_cast<std::size_t>(columns) <= n) ++level;
  const std::size_t bucket = std::size_t{2} << level;
  const std::size_t b0 = (i0 + bucket - 1) / bucket;     // first whole bucket
  const std::size_t b1 = std::min(i1 / bucket, min_[level].size());  // past the last whole bucket
  auto raw = [&](std::size_t from, std::size_t to) {
    for (std::size_t i = from; i < to; ++i) {
      xs.push_back(x_[i]);
      ys.push_back(y_[i]);
    }
  };
  raw(i0, std::min(b0 * bucket, i1));
  for (std::size_t b = b0; b < b1; ++b) {
    const double x = x_[b * bucket];
    xs.push_back(x);
    ys.push_back(min_[level][b]);
    xs.push_back(x);
    ys.push_back(max_[level][b]);
  }
  raw(std::max(b1 * bucket, std::min(b0 * bucket, i1)), i1);
}

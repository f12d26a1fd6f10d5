// Every point of a series, and a pyramid of per-bucket minima and maxima over it, so a chart can
// draw a million points as an envelope of about two points per pixel column in time proportional
// to the columns, not the points: spikes never vanish, and nothing is thrown away.
#pragma once

#include <cstddef>
#include <vector>

class MinMaxPyramid {
 public:
  void append(double x, double y);  // x must not decrease
  void clear();
  std::size_t size() const { return x_.size(); }
  const std::vector<double>& x() const { return x_; }
  const std::vector<double>& y() const { return y_; }

  // What to draw for x in [x0, x1] across `columns` pixel columns: all points when they are few;
  // otherwise, per bucket of 2^k points (k chosen so buckets are about a column wide), its minimum
  // and its maximum, each at the bucket's first x. NaN values (gaps) are skipped inside buckets.
  void envelope(double x0, double x1, int columns, std::vector<double>& xs, std::vector<double>& ys) const;

 private:
  std::vector<double> x_, y_;
  // Level k holds buckets of 2^(k+1) consecutive points.
  std::vector<std::vector<double>> min_, max_;
};

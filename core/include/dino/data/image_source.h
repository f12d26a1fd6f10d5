// A data set as the training loop and evaluation see it: indexed 8-bit RGB images with labels.
#pragma once

#include "dino/data/idx_dataset.h"

#include <opencv2/core/mat.hpp>

#include <cstdint>

namespace dino {

class ImageSource {
 public:
  virtual ~ImageSource() = default;
  virtual int64_t size() const = 0;
  // 8-bit RGB. Must be safe to call from several threads at once.
  virtual cv::Mat rgb(int64_t index) const = 0;
  virtual int64_t label(int64_t index) const = 0;  // -1 when unlabelled
  virtual int64_t num_classes() const = 0;         // 0 when unlabelled
};

// MNIST-format images (grayscale, replicated to RGB as PIL's convert('RGB') does).
class IdxImageSource : public ImageSource {
 public:
  // `limit` > 0 keeps only the first `limit` images.
  IdxImageSource(IdxImages data, int64_t limit = 0);
  int64_t size() const override { return size_; }
  cv::Mat rgb(int64_t index) const override;
  int64_t label(int64_t index) const override;
  int64_t num_classes() const override { return num_classes_; }

 private:
  IdxImages data_;
  int64_t size_;
  int64_t num_classes_;
};

}  // namespace dino

// The reference's truncated-normal initialiser (reference.md §2.3, utils.trunc_normal_).
#pragma once

#include <ATen/core/Tensor.h>

namespace dino {

// Fills `tensor` in place from N(mean, std^2) truncated to [a, b], by the inverse-CDF method the
// reference uses. The bounds are absolute values, not multiples of std: with the reference's
// std 0.02 and bounds +-2 the truncation practically never bites.
void trunc_normal_(at::Tensor& tensor, double mean = 0.0, double std = 1.0, double a = -2.0,
                   double b = 2.0);

}  // namespace dino

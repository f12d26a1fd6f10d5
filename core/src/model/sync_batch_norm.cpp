#include "dino/model/sync_batch_norm.h"

#include <torch/torch.h>

namespace dino {
namespace {

using torch::autograd::AutogradContext;
using torch::autograd::variable_list;

// The global statistics are summed in double: E[x^2] - E[x]^2 in fp32 loses digits when the mean
// is large against the spread.
struct SyncBatchNormFunction : public torch::autograd::Function<SyncBatchNormFunction> {
  static torch::Tensor forward(AutogradContext* ctx, const torch::Tensor& x, const torch::Tensor& weight,
                               const torch::Tensor& bias, torch::nn::BatchNorm1dImpl* bn,
                               const RankSum* sum_over_ranks) {
    const int64_t channels = x.size(1);
    const auto xd = x.to(torch::kDouble);
    auto rows = torch::full({1}, static_cast<double>(x.size(0)), xd.options());
    std::vector<torch::Tensor> stats{torch::cat({xd.sum(0), (xd * xd).sum(0), rows})};
    (*sum_over_ranks)(stats);
    const double count = stats[0][2 * channels].item<double>();
    const auto mean = stats[0].narrow(0, 0, channels) / count;
    const auto var = (stats[0].narrow(0, channels, channels) / count - mean * mean).clamp_min(0.0);
    const double eps = bn->options.eps();
    const auto invstd = (var + eps).rsqrt().to(x.scalar_type());
    const auto xhat = (x - mean.to(x.scalar_type())) * invstd;
    if (bn->options.track_running_stats()) {
      torch::NoGradGuard no_grad;
      const double momentum = bn->options.momentum().value_or(0.1);
      bn->running_mean.mul_(1.0 - momentum).add_(mean.to(bn->running_mean.scalar_type()) * momentum);
      const auto unbiased = var * (count / std::max(count - 1.0, 1.0));
      bn->running_var.mul_(1.0 - momentum).add_(unbiased.to(bn->running_var.scalar_type()) * momentum);
      bn->num_batches_tracked.add_(1);
    }
    ctx->save_for_backward({xhat, invstd, weight});
    ctx->saved_data["count"] = count;
    // The sum is the caller's (the trainer's head keeps it for the run): only its address is kept.
    ctx->saved_data["sum_over_ranks"] = reinterpret_cast<int64_t>(sum_over_ranks);
    return xhat * weight + bias;
  }

  static variable_list backward(AutogradContext* ctx, variable_list grads) {
    const auto saved = ctx->get_saved_variables();
    const auto& xhat = saved[0];
    const auto& invstd = saved[1];
    const auto& weight = saved[2];
    const double count = ctx->saved_data["count"].toDouble();
    const auto* sum_over_ranks = reinterpret_cast<const RankSum*>(ctx->saved_data["sum_over_ranks"].toInt());
    const auto dy = grads[0].contiguous();
    const int64_t channels = dy.size(1);
    const auto sum_dy = dy.sum(0);
    const auto sum_dy_xhat = (dy * xhat).sum(0);
    // The affine parameters' gradients are this rank's (DDP averages them); the input's need every
    // rank's sums, since every rank's output depends on this rank's rows through the statistics.
    std::vector<torch::Tensor> sums{torch::cat({sum_dy, sum_dy_xhat})};
    (*sum_over_ranks)(sums);
    const auto all_dy = sums[0].narrow(0, 0, channels);
    const auto all_dy_xhat = sums[0].narrow(0, channels, channels);
    const auto dx = weight * invstd * (dy - all_dy / count - xhat * (all_dy_xhat / count));
    return {dx, sum_dy_xhat, sum_dy, torch::Tensor(), torch::Tensor()};
  }
};

}  // namespace

torch::Tensor sync_batch_norm(const torch::Tensor& x, torch::nn::BatchNorm1dImpl& bn, const RankSum& sum_over_ranks) {
  TORCH_CHECK(x.dim() == 2, "sync_batch_norm takes (rows, channels), got ", x.sizes());
  TORCH_CHECK(bn.options.affine(), "sync_batch_norm needs BatchNorm's weight and bias");
  return SyncBatchNormFunction::apply(x, bn.weight, bn.bias, &bn, &sum_over_ranks);
}

}  // namespace dino

#include "dino/loss/dino_loss.h"

#include "dino/loss/teacher_temperature.h"

#include <stdexcept>

namespace dino {

DinoLossImpl::DinoLossImpl(const DinoLossOptions& options)
    : options_(options),
      teacher_temps_(dino::teacher_temperature_schedule(options.warmup_teacher_temp, options.teacher_temp,
                                                        options.warmup_teacher_temp_epochs, options.nepochs)) {
  if (options.ncrops < 2) throw std::invalid_argument("DINOLoss needs at least the 2 global crops");
  center = register_buffer("center", torch::zeros({1, options.out_dim}));
}

double DinoLossImpl::teacher_temperature(int64_t epoch) const {
  if (epoch < 0 || epoch >= static_cast<int64_t>(teacher_temps_.size()))
    throw std::out_of_range("epoch " + std::to_string(epoch) + " is outside the teacher temperature schedule of " +
                            std::to_string(teacher_temps_.size()) + " epochs");
  return teacher_temps_[static_cast<size_t>(epoch)];
}

torch::Tensor DinoLossImpl::forward(const torch::Tensor& student_output, const torch::Tensor& teacher_output,
                                    int64_t epoch) {
  const int64_t ncrops = options_.ncrops;
  TORCH_CHECK(student_output.size(0) % ncrops == 0, "student output of ", student_output.size(0),
              " rows does not split into ", ncrops, " crops");
  TORCH_CHECK(teacher_output.size(0) % 2 == 0 && teacher_output.size(0) * ncrops == 2 * student_output.size(0),
              "teacher output must hold the 2 global crops of the student's batch");
  const double temp = teacher_temperature(epoch);

  // The loss maths runs in fp32 whatever precision the networks ran in (reference.md §1.10).
  auto student_log_probs = (student_output.to(torch::kFloat) / options_.student_temp).log_softmax(-1).chunk(ncrops);
  auto teacher_logits = (teacher_output.to(torch::kFloat) - center) / temp;
  auto teacher_probs = teacher_logits.softmax(-1).detach();
  auto teacher_chunks = teacher_probs.chunk(2);

  torch::Tensor total = torch::zeros({}, student_log_probs[0].options());
  int64_t terms = 0;
  for (int64_t iq = 0; iq < 2; ++iq) {
    for (int64_t v = 0; v < ncrops; ++v) {
      if (v == iq) continue;  // the same view
      total = total + (-teacher_chunks[iq] * student_log_probs[v]).sum(-1).mean();
      ++terms;
    }
  }
  auto loss = total / static_cast<double>(terms);

  {
    torch::NoGradGuard no_grad;
    auto teacher_log_probs = teacher_logits.log_softmax(-1).detach();
    // This rank's sums, then (with several processes) one sum over the ranks of all of them: the
    // centre's batch sum, the teacher's probabilities, the loss and the teacher entropy. The centre
    // and the diagnostics are then the global batch's (reference.md §1.5: the centre's all-reduce).
    const int64_t K = options_.out_dim;
    auto sums = torch::cat({teacher_output.to(torch::kFloat).sum(0), teacher_probs.sum(0),
                            torch::stack({loss.detach(), -(teacher_probs * teacher_log_probs).sum(-1).mean()})});
    if (reducer_.all_reduce_sum) reducer_.all_reduce_sum(sums);
    const double ranks = static_cast<double>(reducer_.world_size);
    const double rows = static_cast<double>(teacher_output.size(0)) * ranks;
    auto mean_probs = sums.narrow(0, K, K) / rows;
    diagnostics_.loss = sums[2 * K].item<double>() / ranks;
    diagnostics_.teacher_entropy = sums[2 * K + 1].item<double>() / ranks;
    // Every teacher chunk meets the same number of student crops, so the mean teacher entropy
    // over all rows is the entropy term of the averaged cross-entropy, and KL = H - h exactly.
    diagnostics_.kl_divergence = diagnostics_.loss - diagnostics_.teacher_entropy;
    diagnostics_.mean_teacher_entropy = (-torch::xlogy(mean_probs, mean_probs).sum()).item<double>();
    diagnostics_.teacher_temperature = temp;
    // After the loss: the loss used the old centre (reference.md §1.5).
    update_center(sums.narrow(0, 0, K).unsqueeze(0) / rows);
  }
  return loss;
}

void DinoLossImpl::update_center(const torch::Tensor& batch_center) {
  torch::NoGradGuard no_grad;
  center.mul_(options_.center_momentum).add_(batch_center * (1.0 - options_.center_momentum));
  diagnostics_.center_norm = center.norm().item<double>();
  diagnostics_.center_mean = center.mean().item<double>();
  diagnostics_.center_std = center.numel() > 1 ? center.std().item<double>() : 0.0;
  diagnostics_.center_min = center.min().item<double>();
  diagnostics_.center_max = center.max().item<double>();
}

}  // namespace dino

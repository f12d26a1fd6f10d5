// DINOLoss (reference.md §1.5): cross-entropy between the centred, sharpened teacher softmax on the two
// global crops and the student's softmax on every other crop, plus the collapse diagnostics of
// the paper's §5.3.
#pragma once

#include <torch/nn/module.h>

#include <functional>
#include <vector>

namespace dino {

struct DinoLossOptions {
  int64_t out_dim = 65536;
  int64_t ncrops = 10;  // 2 global + local crops
  double warmup_teacher_temp = 0.04;
  double teacher_temp = 0.04;
  int64_t warmup_teacher_temp_epochs = 0;
  int64_t nepochs = 100;
  double student_temp = 0.1;
  double center_momentum = 0.9;
};

// Per-step numbers for the collapse monitor, all in nats and averaged over the batch.
struct DinoLossDiagnostics {
  double loss = 0;                  // H(Pt, Ps) averaged over the loss's crop pairs
  double teacher_entropy = 0;       // h(Pt), mean over the 2B teacher rows
  double kl_divergence = 0;         // KL(Pt || Ps) = H - h over the same pairs
  double mean_teacher_entropy = 0;  // h(mean over the batch of Pt); exp() = prototypes in use
  double teacher_temperature = 0;   // the temperature used this step
  double center_norm = 0;           // of the centre after this step's update
  double center_mean = 0;
  double center_std = 0;
  double center_min = 0;
  double center_max = 0;
};

// Sums over the processes of a distributed run: the centre's batch sum and the diagnostics' sums,
// packed in one tensor. Single-process training leaves the default (nothing to reduce, world
// size 1); distributed training sets an all-reduce (SUM).
struct CenterReducer {
  std::function<void(torch::Tensor&)> all_reduce_sum;
  int64_t world_size = 1;
};

class DinoLossImpl : public torch::nn::Module {
 public:
  explicit DinoLossImpl(const DinoLossOptions& options);

  // student_output: (ncrops * B, K), crop-major; teacher_output: (2 * B, K) raw logits.
  // Returns the scalar loss computed with the current centre; the centre is updated afterwards.
  torch::Tensor forward(const torch::Tensor& student_output, const torch::Tensor& teacher_output, int64_t epoch);

  void set_center_reducer(CenterReducer reducer) { reducer_ = std::move(reducer); }
  const DinoLossDiagnostics& last_diagnostics() const { return diagnostics_; }
  const std::vector<double>& teacher_temperature_schedule() const { return teacher_temps_; }
  double teacher_temperature(int64_t epoch) const;
  const DinoLossOptions& options() const { return options_; }

  torch::Tensor center;  // buffer (1, K), saved as dino_loss.center

 private:
  void update_center(const torch::Tensor& batch_center);  // the global batch's mean teacher output

  DinoLossOptions options_;
  std::vector<double> teacher_temps_;
  CenterReducer reducer_;
  DinoLossDiagnostics diagnostics_;
};
TORCH_MODULE(DinoLoss);

}  // namespace dino

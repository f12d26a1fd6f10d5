// One DINO training iteration in the reference's exact order (reference.md §1.8), with the student, the EMA
// teacher, the loss, the optimizer and the per-iteration schedules it needs.
#pragma once

#include "dino/distributed/gradient_averaging.h"
#include "dino/loss/dino_loss.h"
#include "dino/model/multi_crop_wrapper.h"
#include "dino/train/grad_scaler.h"
#include "dino/train/schedules.h"

#include <c10/core/Device.h>
#include <torch/optim/optimizer.h>

#include <memory>
#include <optional>

namespace dino {

struct TrainerOptions {
  VitConfig vit;  // the teacher's; the student adds drop_path_rate
  double drop_path_rate = 0.1;
  DinoHeadOptions head;             // in_dim is taken from the ViT
  bool norm_last_layer = true;      // student only; the teacher head keeps the default (reference.md §1.4)
  DinoLossOptions loss;             // out_dim and nepochs are taken from head and epochs
  std::string optimizer = "adamw";  // adamw, sgd or lars
  double lr = 0.0005;               // for a total batch of 256; scaled linearly
  double min_lr = 1e-6;
  int64_t warmup_epochs = 10;
  double weight_decay = 0.04;
  double weight_decay_end = 0.4;
  double momentum_teacher = 0.996;
  double clip_grad = 3.0;
  int64_t freeze_last_layer = 1;
  int64_t epochs = 100;
  int64_t iterations_per_epoch = 1;
  int64_t total_batch_size = 64;  // batch_size_per_gpu x world size
  c10::Device device = c10::kCPU;
  // Mixed precision: autocast dtype for the forward passes and the loss (none: fp32), and the
  // gradient scaler that fp16 needs.
  std::optional<c10::ScalarType> autocast_dtype;
  bool use_grad_scaler = false;
  // Several processes (a distributed run): rank 0's weights at the start, gradients averaged and
  // the loss's centre and diagnostics summed over the ranks at every step. None: one process.
  std::shared_ptr<distributed::ProcessGroup> process_group;
  // The gradient sums start during the backward pass, bucket by bucket, as DDP's do; false starts
  // them all after it (`dino bench step` under a launcher times both).
  bool overlap_gradient_averaging = true;
};

struct StepResult {
  double loss = 0;
  bool finite = true;
  double lr = 0;
  double weight_decay = 0;
  double momentum = 0;
  bool optimizer_stepped = true;     // false when the gradient scaler skipped a non-finite step
  double communication_seconds = 0;  // the gradient averaging backward did not hide (distributed runs)
  DinoLossDiagnostics diagnostics;
};

// The schedule inputs of a trainer (reference.md §1.7).
ScheduleSettings schedule_settings(const TrainerOptions& options);

class DinoTrainer {
 public:
  explicit DinoTrainer(const TrainerOptions& options);

  // crops: crop-major list (2 globals first). A non-finite loss returns finite = false before any
  // gradient step, as the reference stops there. In a distributed run the loss and diagnostics are
  // the global batch's (every rank returns the same), so every rank stops together.
  StepResult step(const std::vector<torch::Tensor>& crops, int64_t global_iteration, int64_t epoch);

  const TrainerOptions& options() const { return options_; }
  const std::vector<double>& lr_schedule() const { return lr_schedule_; }
  const std::vector<double>& wd_schedule() const { return wd_schedule_; }
  const std::vector<double>& momentum_schedule() const { return momentum_schedule_; }
  torch::optim::Optimizer& optimizer() { return *optimizer_; }
  GradScaler* grad_scaler() { return scaler_.get(); }

  MultiCropWrapper student{nullptr};
  MultiCropWrapper teacher{nullptr};
  DinoLoss loss{nullptr};

 private:
  void average_gradients(StepResult& result);

  TrainerOptions options_;
  std::unique_ptr<torch::optim::Optimizer> optimizer_;
  std::unique_ptr<GradScaler> scaler_;
  std::unique_ptr<distributed::GradientAverager> gradient_averager_;
  std::vector<double> lr_schedule_, wd_schedule_, momentum_schedule_;
};

}  // namespace dino

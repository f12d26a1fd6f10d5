#include "dino/train/dino_trainer.h"

#include "dino/io/state_dict.h"
#include "dino/model/autocast_scope.h"
#include "dino/train/fused_adamw.h"
#include "dino/train/gradient_ops.h"
#include "dino/train/lars.h"
#include "dino/train/schedules.h"

#include <torch/torch.h>

#include <stdexcept>

namespace dino {
namespace {

void set_group(torch::optim::OptimizerParamGroup& group, const std::string& kind, double lr, double weight_decay) {
  if (kind == "adamw") {
    auto& options = static_cast<torch::optim::AdamWOptions&>(group.options());
    options.lr(lr);
    options.weight_decay(weight_decay);
  } else if (kind == "lars") {
    auto& options = static_cast<LarsOptions&>(group.options());
    options.lr(lr);
    options.weight_decay(weight_decay);
  } else {
    auto& options = static_cast<torch::optim::SGDOptions&>(group.options());
    options.lr(lr);
    options.weight_decay(weight_decay);
  }
}

}  // namespace

ScheduleSettings schedule_settings(const TrainerOptions& options) {
  ScheduleSettings schedule;
  schedule.lr = options.lr;
  schedule.min_lr = options.min_lr;
  schedule.total_batch_size = options.total_batch_size;
  schedule.warmup_epochs = options.warmup_epochs;
  schedule.weight_decay = options.weight_decay;
  schedule.weight_decay_end = options.weight_decay_end;
  schedule.momentum_teacher = options.momentum_teacher;
  schedule.epochs = options.epochs;
  schedule.iterations_per_epoch = options.iterations_per_epoch;
  return schedule;
}

DinoTrainer::DinoTrainer(const TrainerOptions& options) : options_(options) {
  if (options.optimizer != "adamw" && options.optimizer != "sgd" && options.optimizer != "lars")
    throw std::invalid_argument("--optimizer " + options.optimizer + ": choose adamw, sgd or lars");
  VitConfig student_vit = options.vit;
  student_vit.drop_path_rate = options.drop_path_rate;
  VitConfig teacher_vit = options.vit;
  teacher_vit.drop_path_rate = 0.0;  // reference.md §1.4: the teacher has no stochastic depth
  DinoHeadOptions student_head = options.head;
  student_head.in_dim = options.vit.embed_dim;
  student_head.norm_last_layer = options.norm_last_layer;
  DinoHeadOptions teacher_head = student_head;
  teacher_head.norm_last_layer = true;
  student = MultiCropWrapper(VisionTransformer(student_vit), DinoHead(student_head));
  teacher = MultiCropWrapper(VisionTransformer(teacher_vit), DinoHead(teacher_head));
  const auto& group = options.process_group;
  // reference.md §3.9: DDP's construction gives every rank rank 0's student before the teacher copies it.
  if (group) distributed::broadcast_module_state(*student, *group, 0);
  // The teacher starts as a copy of the student (parameters and buffers) and never trains.
  io::load_state_dict(*teacher, io::module_state_dict(*student), /*strict=*/true, "student");
  for (auto& p : teacher->parameters()) p.set_requires_grad(false);
  student->to(options.device);
  teacher->to(options.device);
  student->train();
  teacher->train();  // reference.md §1.4: the reference never switches the teacher to eval mode

  DinoLossOptions loss_options = options.loss;
  loss_options.out_dim = options.head.out_dim;
  loss_options.nepochs = options.epochs;
  loss = DinoLoss(loss_options);
  loss->to(options.device);
  if (group) {
    // reference.md §3.9: with BatchNorm in the head both networks normalise by the global batch.
    const RankSum sum_over_ranks = [group](std::vector<torch::Tensor>& tensors) { group->all_reduce_sum(tensors); };
    student->head->set_rank_sum(sum_over_ranks);
    teacher->head->set_rank_sum(sum_over_ranks);
    loss->set_center_reducer({[group](torch::Tensor& sums) {
                                std::vector<torch::Tensor> one{sums};
                                group->all_reduce_sum(one);
                              },
                              group->world_size()});
    // Only what trains: DDP leaves out parameters that never get a gradient.
    std::vector<torch::Tensor> trained;
    for (const auto& p : student->parameters())
      if (p.requires_grad()) trained.push_back(p);
    gradient_averager_ = std::make_unique<distributed::GradientAverager>(trained, group);
  }

  auto groups = split_parameter_groups(*student);
  std::vector<torch::optim::OptimizerParamGroup> param_groups;
  if (options.optimizer == "adamw") {
    param_groups.emplace_back(groups.regularized, std::make_unique<torch::optim::AdamWOptions>(0.0));
    auto no_decay = std::make_unique<torch::optim::AdamWOptions>(0.0);
    no_decay->weight_decay(0.0);
    param_groups.emplace_back(groups.not_regularized, std::move(no_decay));
    optimizer_ = std::make_unique<FusedAdamW>(std::move(param_groups), torch::optim::AdamWOptions(0.0));
  } else if (options.optimizer == "lars") {
    // reference.md §3.5: the filters are unused; group 1 simply has no weight decay.
    param_groups.emplace_back(groups.regularized, std::make_unique<LarsOptions>(0.0));
    auto no_decay = std::make_unique<LarsOptions>(0.0);
    no_decay->weight_decay(0.0);
    param_groups.emplace_back(groups.not_regularized, std::move(no_decay));
    optimizer_ = std::make_unique<Lars>(std::move(param_groups), LarsOptions(0.0));
  } else {
    param_groups.emplace_back(groups.regularized,
                              std::make_unique<torch::optim::SGDOptions>(torch::optim::SGDOptions(0.0).momentum(0.9)));
    param_groups.emplace_back(
        groups.not_regularized,
        std::make_unique<torch::optim::SGDOptions>(torch::optim::SGDOptions(0.0).momentum(0.9).weight_decay(0.0)));
    optimizer_ =
        std::make_unique<torch::optim::SGD>(std::move(param_groups), torch::optim::SGDOptions(0.0).momentum(0.9));
  }

  if (options.use_grad_scaler) scaler_ = std::make_unique<GradScaler>();

  auto schedules = training_schedules(schedule_settings(options));
  lr_schedule_ = std::move(schedules.lr);
  wd_schedule_ = std::move(schedules.weight_decay);
  momentum_schedule_ = std::move(schedules.momentum);
}

StepResult DinoTrainer::step(const std::vector<torch::Tensor>& crops_in, int64_t it, int64_t epoch) {
  TORCH_CHECK(it >= 0 && it < static_cast<int64_t>(lr_schedule_.size()), "iteration ", it,
              " is outside the schedule of ", lr_schedule_.size(), " iterations");
  TORCH_CHECK(crops_in.size() == static_cast<size_t>(options_.loss.ncrops), "expected ", options_.loss.ncrops,
              " crops, got ", crops_in.size());
  StepResult result;
  const auto index = static_cast<size_t>(it);
  result.lr = lr_schedule_[index];
  result.weight_decay = wd_schedule_[index];
  result.momentum = momentum_schedule_[index];
  // 1. Schedules: lr on every group, weight decay on group 0 only (reference.md §1.8 step 2). Group 1's
  //    zero is set every time too: LibTorch may have merged its options with the defaults.
  auto& groups = optimizer_->param_groups();
  set_group(groups[0], options_.optimizer, result.lr, result.weight_decay);
  set_group(groups[1], options_.optimizer, result.lr, 0.0);

  std::vector<torch::Tensor> crops;
  for (const auto& crop : crops_in) crops.push_back(crop.to(options_.device, /*non_blocking=*/true));
  // 2. Teacher on the two global crops only, student on all crops, then the loss (which updates
  //    the centre after computing the loss).
  torch::Tensor loss_value;
  {
    AutocastScope autocast(options_.device.type(), options_.autocast_dtype);
    torch::Tensor teacher_output;
    {
      torch::NoGradGuard no_grad;
      teacher_output = teacher->forward({crops[0], crops[1]});
    }
    auto student_output = student->forward(crops);
    loss_value = loss->forward(student_output, teacher_output, epoch);
  }
  result.diagnostics = loss->last_diagnostics();
  result.loss = result.diagnostics.loss;  // the global batch's in a distributed run
  if (!std::isfinite(result.loss)) {
    result.finite = false;
    return result;
  }
  // 3. Backward, per-parameter clipping, last-layer freeze, optimizer step.
  optimizer_->zero_grad();
  // The sums of the gradient buckets start while backward still runs, as DDP's Reducer does.
  if (gradient_averager_ && options_.overlap_gradient_averaging) gradient_averager_->prepare_for_backward();
  if (scaler_) {
    // reference.md §1.8 step 7 with fp16: unscale before clipping, skip the step on inf/NaN gradients.
    scaler_->scale(loss_value).backward();
    average_gradients(result);
    if (options_.clip_grad > 0) {
      scaler_->unscale(*optimizer_);
      clip_gradients(*student, options_.clip_grad);
    }
    cancel_last_layer_gradients(*student, epoch, options_.freeze_last_layer);
    result.optimizer_stepped = scaler_->step(*optimizer_);
    scaler_->update();
  } else {
    loss_value.backward();
    average_gradients(result);
    if (options_.clip_grad > 0) clip_gradients(*student, options_.clip_grad);
    cancel_last_layer_gradients(*student, epoch, options_.freeze_last_layer);
    optimizer_->step();
  }
  // 4. EMA of the teacher with this iteration's momentum (even after a skipped fp16 step, as the
  //    reference does).
  update_teacher(*teacher, *student, result.momentum);
  return result;
}

void DinoTrainer::average_gradients(StepResult& result) {
  // As DDP does, before any clipping or unscaling (reference.md §1.8): what backward started is
  // finished here.
  if (!gradient_averager_) return;
  gradient_averager_->average();
  result.communication_seconds = gradient_averager_->last_seconds();
}

}  // namespace dino

#include "dino/train/trainer_options.h"

#include "dino/model/device_info.h"

namespace dino {

TrainerOptions trainer_options(const TrainingConfig& c, int64_t iterations, c10::Device device) {
  TrainerOptions o;
  o.vit = c.vit();
  o.drop_path_rate = c.drop_path_rate;
  o.head.out_dim = c.out_dim;
  o.head.hidden_dim = c.head_hidden_dim;
  o.head.bottleneck_dim = c.head_bottleneck_dim;
  o.head.nlayers = c.head_layers;
  o.head.use_bn = c.use_bn_in_head;
  o.norm_last_layer = c.norm_last_layer;
  o.loss.ncrops = 2 + c.local_crops_number;
  o.loss.warmup_teacher_temp = c.warmup_teacher_temp;
  o.loss.teacher_temp = c.teacher_temp;
  o.loss.warmup_teacher_temp_epochs = c.warmup_teacher_temp_epochs;
  o.optimizer = c.optimizer;
  o.lr = c.lr;
  o.min_lr = c.min_lr;
  o.warmup_epochs = c.warmup_epochs;
  o.weight_decay = c.weight_decay;
  o.weight_decay_end = c.weight_decay_end;
  o.momentum_teacher = c.momentum_teacher;
  o.clip_grad = c.clip_grad;
  o.freeze_last_layer = c.freeze_last_layer;
  o.epochs = c.epochs;
  o.iterations_per_epoch = iterations;
  o.total_batch_size = c.batch_size_per_gpu;
  o.device = device;
  o.autocast_dtype = c.autocast_dtype(device_info(device));
  o.use_grad_scaler = o.autocast_dtype == c10::ScalarType::Half;
  return o;
}

}  // namespace dino

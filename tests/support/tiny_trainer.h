// A DINO trainer small enough to step in milliseconds: a one-block ViT-Ti/8 on 16-pixel crops with
// a small head, two global crops and one local. Tests change what they exercise on top of it.
#pragma once

#include <dino/model/vit_config.h>
#include <dino/train/dino_trainer.h>

namespace dino::test {

inline TrainerOptions tiny_trainer_options(int64_t epochs = 2, int64_t iterations_per_epoch = 3) {
  TrainerOptions o;
  o.vit = *vit_preset("vit_tiny", 8);
  o.vit.depth = 1;
  o.vit.img_size = 16;
  o.head.out_dim = 16;
  o.head.hidden_dim = 8;
  o.head.bottleneck_dim = 4;
  o.loss.ncrops = 3;
  o.epochs = epochs;
  o.iterations_per_epoch = iterations_per_epoch;
  o.warmup_epochs = 1;
  o.total_batch_size = 4;
  o.lr = 0.05;
  return o;
}

}  // namespace dino::test

#include "dino/session/training_presets.h"

#include "dino/session/training_config.h"
#include "translatable.h"

namespace dino {

const std::vector<TrainingPreset>& training_presets() {
  static const std::vector<TrainingPreset> presets = {
      {"fashion-mnist-demo", DINO_TEXT("TrainingPreset", "Fashion-MNIST demo (CPU, 12 minutes)"),
       DINO_TEXT("TrainingPreset", "A small ViT (width 96, depth 3, 4-pixel patches) on 28 px Fashion-MNIST crops that visibly learns on "
       "a CPU within a 12-minute time budget: the run times its first steps and fits as many epochs as the budget allows "
       "(docs/fashion-mnist-recipe.md gives the accuracy per budget). Teacher momentum 0.99 because a short run has too few "
       "steps for 0.996."),
       R"({"data_path": "fashion-mnist", "arch": "vit_tiny", "embed_dim": 96, "depth": 3, "num_heads": 3,
           "patch_size": 4, "global_crops_size": 28, "local_crops_size": 12, "local_crops_number": 4,
           "out_dim": 1024, "head_hidden_dim": 256, "head_bottleneck_dim": 64, "batch_size_per_gpu": 64,
           "epochs": 4, "warmup_epochs": 1, "lr": 0.004, "momentum_teacher": 0.99, "knn_freq": 1,
           "knn_train_images": 10000, "knn_test_images": 10000, "num_workers": 2, "time_budget": "12m"})"},
      {"vit-small-16", DINO_TEXT("TrainingPreset", "ViT-S/16, the reference README's run"),
       DINO_TEXT("TrainingPreset", "main_dino.py's defaults as the README trains ViT-S/16 on ImageNet (8 GPUs x 64 images, 100 epochs; 69.3% "
       "k-NN). Set --data_path to your image folder."),
       R"({"time_budget": "", "arch": "vit_small", "patch_size": 16, "embed_dim": 0, "depth": 0, "num_heads": 0, "out_dim": 65536,
           "head_hidden_dim": 2048, "head_bottleneck_dim": 256, "head_layers": 3, "norm_last_layer": true,
           "global_crops_size": 224, "local_crops_size": 96, "local_crops_number": 8,
           "global_crops_scale": [0.4, 1.0], "local_crops_scale": [0.05, 0.4], "batch_size_per_gpu": 64,
           "epochs": 100, "warmup_epochs": 10, "lr": 0.0005, "min_lr": 1e-6, "momentum_teacher": 0.996,
           "warmup_teacher_temp": 0.04, "teacher_temp": 0.04, "warmup_teacher_temp_epochs": 0,
           "weight_decay": 0.04, "weight_decay_end": 0.4, "clip_grad": 3.0, "freeze_last_layer": 1,
           "optimizer": "adamw", "drop_path_rate": 0.1, "use_fp16": true})"},
      {"vit-small-16-boost", DINO_TEXT("TrainingPreset", "ViT-S/16, the README's boosted run"),
       DINO_TEXT("TrainingPreset", "The README's longer recipe: 300 epochs, teacher temperature warmed from 0.04 to 0.07 over 30 epochs, no "
       "weight normalisation of the last layer (73.3% k-NN on ImageNet)."),
       R"({"time_budget": "", "arch": "vit_small", "patch_size": 16, "embed_dim": 0, "depth": 0, "num_heads": 0, "out_dim": 65536,
           "head_hidden_dim": 2048, "head_bottleneck_dim": 256, "head_layers": 3, "global_crops_size": 224,
           "local_crops_size": 96, "local_crops_number": 8, "batch_size_per_gpu": 64, "epochs": 300,
           "warmup_epochs": 10, "lr": 0.0005, "teacher_temp": 0.07, "warmup_teacher_temp": 0.04,
           "warmup_teacher_temp_epochs": 30, "norm_last_layer": false, "use_fp16": true})"},
      {"small-gpu", DINO_TEXT("TrainingPreset", "ViT-S/16 on one small GPU"),
       DINO_TEXT("TrainingPreset", "ViT-S/16 with half the per-GPU batch (32) and 6 local crops to cut activation memory, mixed precision on, and "
       "a smaller head output (K = 16384); the learning rate still scales with the batch."),
       R"({"time_budget": "", "arch": "vit_small", "patch_size": 16, "embed_dim": 0, "depth": 0, "num_heads": 0, "out_dim": 16384,
           "global_crops_size": 224, "local_crops_size": 96, "local_crops_number": 6, "batch_size_per_gpu": 32,
           "use_fp16": true, "precision": "auto"})"},
  };
  return presets;
}

void apply_training_preset(TrainingConfig& config, const std::string& name) {
  std::string known;
  for (const auto& preset : training_presets()) {
    if (preset.name == name) {
      config.merge_json(preset.settings, "preset " + name);
      return;
    }
    known += (known.empty() ? "" : ", ") + preset.name;
  }
  throw ConfigError("--preset " + name + ": not one of " + known);
}

}  // namespace dino

// `dino train`: DINO training with main_dino.py's flag names and defaults, plus ours.
#include "cli_support.h"
#include "commands.h"

#include <dino/log/format.h>
#include <dino/log/log.h>
#include <dino/train/training_presets.h>
#include <dino/train/training_session.h>

#include <atomic>
#include <csignal>

namespace dino::cli {
namespace {

std::atomic<bool> interrupted{false};

extern "C" void on_interrupt(int) { interrupted = true; }

using log::duration;
using log::fixed;
using log::scientific;

std::string progress_line(const MetricRecord& r) {
  // A bar for the epoch, then the numbers a researcher watches.
  constexpr int kWidth = 20;
  const int filled = r.steps_per_epoch ? static_cast<int>(kWidth * (r.step + 1) / r.steps_per_epoch) : 0;
  return "Epoch " + std::to_string(r.epoch) + "/" + std::to_string(r.epochs) + " [" + std::string(static_cast<size_t>(filled), '#') +
         std::string(static_cast<size_t>(kWidth - filled), '.') + "] " + std::to_string(r.step + 1) + "/" +
         std::to_string(r.steps_per_epoch) + " loss " + fixed(r.loss, 4) + " h(Pt) " + fixed(r.teacher_entropy, 3) +
         " KL " + fixed(r.kl_divergence, 3) + " lr " + scientific(r.lr) + " wd " + fixed(r.weight_decay, 4) + " m " +
         fixed(r.momentum, 5) + " | " + fixed(r.images_per_second, 1) + " img/s, eta " + duration(r.eta_seconds);
}

void run_train(const TrainingConfig& config) {
  try {
    config.validate();
  } catch (const ConfigError& e) {
    throw UsageError(e.what());
  }
  TrainingSession session(config);
  session.set_listener([&session, freq = config.print_freq](const MetricRecord& r) {
    if (interrupted.exchange(false)) {
      log::info("interrupted: finishing the step and saving a checkpoint to resume from");
      session.request_stop();
    }
    if (r.kind == MetricRecord::Kind::Step && ((r.step % freq) == 0 || r.step + 1 == r.steps_per_epoch))
      log::info(progress_line(r));
  });
  auto previous = std::signal(SIGINT, on_interrupt);
  session.run();
  std::signal(SIGINT, previous);
  if (session.state() == TrainingSession::State::Failed) throw std::runtime_error(session.error());
}

}  // namespace

void add_train_command(CLI::App& app) {
  auto c = std::make_shared<TrainingConfig>();
  auto* cmd = app.add_subcommand("train", "Train DINO (flags as main_dino.py; Fashion-MNIST by default)");
  cmd->add_option("--config", "Read settings from a JSON file (as written to <output_dir>/config.json); flags override it")
      ->trigger_on_parse()
      ->each([c](const std::string& file) {
        try {
          c->merge_json_file(file);
        } catch (const ConfigError& e) {
          throw CLI::ValidationError(e.what());
        }
      });
  std::string preset_help = "Start from a named recipe; flags override it:";
  for (const auto& preset : training_presets()) preset_help += "\n  " + preset.name + ": " + preset.title;
  cmd->add_option("--preset")
      ->description(preset_help)
      ->trigger_on_parse()
      ->each([c](const std::string& name) {
        try {
          apply_training_preset(*c, name);
        } catch (const ConfigError& e) {
          throw CLI::ValidationError(e.what());
        }
      });
  cmd->add_option("--arch", c->arch, "vit_tiny, vit_small or vit_base")->capture_default_str();
  cmd->add_option("--patch_size", c->patch_size, "Patch size in pixels")->capture_default_str();
  cmd->add_option("--out_dim", c->out_dim, "Dimension K of the DINO head output")->capture_default_str();
  cmd->add_option("--norm_last_layer", c->norm_last_layer, "Weight-normalise the last layer with g fixed at 1 (true/false)")->capture_default_str();
  cmd->add_option("--momentum_teacher", c->momentum_teacher, "Base EMA momentum, raised to 1 by a cosine")->capture_default_str();
  cmd->add_option("--use_bn_in_head", c->use_bn_in_head, "BatchNorm in the head (true/false)")->capture_default_str();
  cmd->add_option("--warmup_teacher_temp", c->warmup_teacher_temp, "Teacher temperature at epoch 0")->capture_default_str();
  cmd->add_option("--teacher_temp", c->teacher_temp, "Teacher temperature after warm-up")->capture_default_str();
  cmd->add_option("--warmup_teacher_temp_epochs", c->warmup_teacher_temp_epochs, "Teacher temperature warm-up epochs")->capture_default_str();
  cmd->add_option("--use_fp16", c->use_fp16, "Mixed precision on CUDA (true/false)")->capture_default_str();
  cmd->add_option("--weight_decay", c->weight_decay, "Initial weight decay")->capture_default_str();
  cmd->add_option("--weight_decay_end", c->weight_decay_end, "Final weight decay (cosine)")->capture_default_str();
  cmd->add_option("--clip_grad", c->clip_grad, "Per-parameter gradient norm limit; 0 disables")->capture_default_str();
  cmd->add_option("--batch_size_per_gpu", c->batch_size_per_gpu, "Images per step")->capture_default_str();
  cmd->add_option("--epochs", c->epochs, "Training epochs")->capture_default_str();
  cmd->add_option("--freeze_last_layer", c->freeze_last_layer, "Epochs with the last layer frozen")->capture_default_str();
  cmd->add_option("--lr", c->lr, "Peak learning rate for a batch of 256 (scaled linearly)")->capture_default_str();
  cmd->add_option("--warmup_epochs", c->warmup_epochs, "Linear learning-rate warm-up epochs")->capture_default_str();
  cmd->add_option("--min_lr", c->min_lr, "Final learning rate (not scaled)")->capture_default_str();
  cmd->add_option("--optimizer", c->optimizer, "adamw (default), sgd or lars")->capture_default_str();
  cmd->add_option("--drop_path_rate", c->drop_path_rate, "Stochastic depth of the student")->capture_default_str();
  cmd->add_option("--global_crops_scale", c->global_crops_scale, "Scale range of the global crops")->expected(2)->capture_default_str();
  cmd->add_option("--local_crops_number", c->local_crops_number, "Number of local crops")->capture_default_str();
  cmd->add_option("--local_crops_scale", c->local_crops_scale, "Scale range of the local crops")->expected(2)->capture_default_str();
  cmd->add_option("--data_path", c->data_path,
                  "Image folder (class sub-folders or flat), list file of paths, MNIST-format folder, or 'fashion-mnist'")
      ->capture_default_str();
  cmd->add_option("--output_dir", c->output_dir, "Checkpoints, config.json, metrics.jsonl, log.txt, train.log")->capture_default_str();
  cmd->add_option("--saveckp_freq", c->saveckp_freq, "Numbered checkpoint every N epochs")->capture_default_str();
  cmd->add_option("--seed", c->seed, "Random seed")->capture_default_str();
  cmd->add_option("--num_workers", c->num_workers, "Data loader threads")->capture_default_str();
  cmd->add_option("--device", c->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->add_option("--precision", c->precision,
                  "auto (bf16 autocast on CUDA while --use_fp16 is true, fp32 on CPU), fp32, bf16, or fp16 (autocast + "
                  "gradient scaler, the reference's --use_fp16)")
      ->capture_default_str();
  cmd->add_option("--global_crops_size", c->global_crops_size, "Global crop size in pixels")->capture_default_str();
  cmd->add_option("--local_crops_size", c->local_crops_size, "Local crop size in pixels")->capture_default_str();
  cmd->add_option("--embed_dim", c->embed_dim, "Override the width of --arch");
  cmd->add_option("--depth", c->depth, "Override the depth of --arch");
  cmd->add_option("--num_heads", c->num_heads, "Override the heads of --arch");
  cmd->add_option("--head_hidden_dim", c->head_hidden_dim, "Hidden width of the DINO head")->capture_default_str();
  cmd->add_option("--head_bottleneck_dim", c->head_bottleneck_dim, "Bottleneck of the DINO head")->capture_default_str();
  cmd->add_option("--head_layers", c->head_layers, "Layers of the DINO head MLP")->capture_default_str();
  cmd->add_option("--limit_images", c->limit_images, "Train on the first N images only (0: all)")->capture_default_str();
  cmd->add_option("--print_freq", c->print_freq, "Progress line every N iterations")->capture_default_str();
  cmd->add_option("--checkpoint_every_steps", c->checkpoint_every_steps, "Also checkpoint every N iterations (0: per epoch)")
      ->capture_default_str();
  cmd->add_option("--eval_knn", c->eval_knn, "Weighted 20-NN accuracy of the teacher before and after training")->capture_default_str();
  cmd->add_option("--knn_data_path", c->knn_data_path,
                  "Labelled data for k-NN: train/ and val/ class folders or MNIST layout (default: --data_path)");
  cmd->add_option("--knn_freq", c->knn_freq, "Also evaluate every N epochs (0: only at the start and end)")->capture_default_str();
  cmd->add_option("--knn_train_images", c->knn_train_images, "Training images in the k-NN bank")->capture_default_str();
  cmd->add_option("--knn_test_images", c->knn_test_images, "Test images evaluated")->capture_default_str();
  cmd->add_option("--threads", c->threads, "CPU threads for the model (0: all cores)")->capture_default_str();
  cmd->add_option("--cpu_matmul", c->cpu_matmul,
                  "fp32 matrix products on the CPU: auto (oneDNN where LibTorch has it), aten (its BLAS) or onednn")
      ->capture_default_str();
  cmd->callback([c] { run_train(*c); });
}

}  // namespace dino::cli

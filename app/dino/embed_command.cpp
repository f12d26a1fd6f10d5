// `dino embed`: the normed CLS features of images, written as an N x D float32 .npy file.
#include "cli_support.h"
#include "commands.h"

#include <dino/data/eval_transform.h>
#include <dino/data/image_file.h>
#include <dino/io/npy_writer.h>
#include <dino/io/pretrained_backbone.h>
#include <dino/log/log.h>

#include <torch/torch.h>

namespace dino::cli {
namespace {

struct EmbedOptions {
  WeightsFlags weights;
  std::vector<std::string> image_paths;
  std::vector<int> image_size;
  int64_t n_last_blocks = 1;
  std::string output;
  std::string device = "auto";
};

void run_embed(const EmbedOptions& options) {
  if (options.image_size.size() > 2) throw UsageError("--image_size takes one value (shorter side) or two (H W)");
  for (int s : options.image_size)
    if (s <= 0) throw UsageError("--image_size must be positive, got " + std::to_string(s));
  const c10::Device device = resolve_device(options.device);
  auto backbone = load_backbone(options.weights);
  const VitConfig& config = backbone.config;
  if (options.n_last_blocks < 1 || options.n_last_blocks > config.depth)
    throw UsageError("--n_last_blocks must lie in [1, " + std::to_string(config.depth) + "]");
  auto& model = backbone.model;
  log::info(backbone.description);
  model->eval();
  model->to(device);

  torch::NoGradGuard no_grad;
  std::vector<torch::Tensor> features;
  for (const auto& path : options.image_paths) {
    const cv::Mat rgb = resize_like_torchvision(read_rgb_image(path), options.image_size, PilFilter::Bilinear);
    cv::Mat cropped;
    try {
      cropped = crop_to_patch_multiple(rgb, static_cast<int>(config.patch_size));
    } catch (const std::invalid_argument& e) {
      throw std::runtime_error(path + ": " + e.what());
    }
    auto input = rgb_to_normalized_tensor(cropped).to(device);
    torch::Tensor feature;
    if (options.n_last_blocks == 1) {
      feature = model->forward(input);
    } else {
      // eval_linear.py's features: the CLS token of each of the last n blocks, earliest first.
      std::vector<torch::Tensor> cls;
      for (const auto& layer : model->get_intermediate_layers(input, options.n_last_blocks))
        cls.push_back(layer.index({torch::indexing::Slice(), 0}));
      feature = torch::cat(cls, -1);
    }
    features.push_back(feature.to(torch::kCPU, torch::kFloat));
  }
  auto all = torch::cat(features);
  io::write_npy(options.output, all);
  log::info("wrote " + options.output + " (" + std::to_string(all.size(0)) + " x " + std::to_string(all.size(1)) +
            " float32)");
}

}  // namespace

void add_embed_command(CLI::App& app) {
  auto o = std::make_shared<EmbedOptions>();
  auto* cmd = app.add_subcommand("embed", "Write the normed CLS features of images to a .npy file (N x D float32)");
  add_weights_flags(*cmd, o->weights)->required();
  cmd->add_option("--image_path", o->image_paths, "One or more images")->required()->expected(1, -1);
  cmd->add_option("--image_size", o->image_size,
                  "Resize first (Pillow bilinear): one value sets the shorter side, two set H W; "
                  "without it the image is only cropped to a multiple of the patch size")
      ->expected(1, 2);
  cmd->add_option("--n_last_blocks", o->n_last_blocks, "Concatenate the CLS tokens of the last N blocks")
      ->capture_default_str();
  cmd->add_option("--output", o->output, "Output .npy file")->required();
  cmd->add_option("--device", o->device, "auto, cpu, cuda or cuda:N")->capture_default_str();
  cmd->callback([o] { run_embed(*o); });
}

}  // namespace dino::cli

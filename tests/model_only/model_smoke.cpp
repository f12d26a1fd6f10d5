// Checks the model library on its own (preset "model-only"): a ViT-S/16 has the reference's
// parameter count (reference.md §2.1), a student + head forward on multi-crop input has the right shape,
// and the loss of a uniform teacher and student is ln K (reference.md §1.5).
#include "dino/loss/dino_loss.h"
#include "dino/model/multi_crop_wrapper.h"

#include <torch/torch.h>

#include <cmath>
#include <cstdio>

namespace {
int failures = 0;
void check(bool ok, const char* what) {
  std::printf("%s: %s\n", ok ? "PASS" : "FAIL", what);
  if (!ok) ++failures;
}
}  // namespace

int main() {
  torch::manual_seed(0);
  dino::VisionTransformer vit(*dino::vit_preset("vit_small", 16));
  int64_t count = 0;
  for (const auto& p : vit->parameters()) count += p.numel();
  check(count == 21665664, "vit_small/16 has 21,665,664 parameters");

  auto config = *dino::vit_preset("vit_tiny", 16);
  config.depth = 2;
  dino::DinoHeadOptions head;
  head.in_dim = config.embed_dim;
  head.out_dim = 64;
  head.hidden_dim = 32;
  head.bottleneck_dim = 16;
  dino::MultiCropWrapper student{dino::VisionTransformer(config), dino::DinoHead(head)};
  std::vector<torch::Tensor> crops{torch::randn({2, 3, 32, 32}), torch::randn({2, 3, 32, 32}), torch::randn({2, 3, 16, 16})};
  auto out = student->forward(crops);
  check(out.size(0) == 6 && out.size(1) == 64, "three crops of batch 2 give 6 x 64 logits");

  dino::DinoLossOptions loss_options;
  loss_options.out_dim = 64;
  loss_options.ncrops = 3;
  loss_options.nepochs = 1;
  dino::DinoLoss loss(loss_options);
  auto value = loss->forward(torch::zeros({6, 64}), torch::zeros({4, 64}), 0).item<double>();
  check(std::abs(value - std::log(64.0)) < 1e-5, "uniform teacher and student give a loss of ln K");
  std::printf("%d passed, %d failed\n", 3 - failures, failures);
  return failures == 0 ? 0 : 1;
}

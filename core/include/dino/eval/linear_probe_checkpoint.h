// eval_linear.py's checkpoint.pth.tar (reference.md §5.2): epoch, the classifier's state_dict under
// module.linear.*, SGD's and CosineAnnealingLR's states as PyTorch saves them after
// scheduler.step(), best_acc; written so that the reference's restart_from_checkpoint resumes from
// it, read back to resume here or to validate a saved (or released) classifier.
#pragma once

#include "dino/io/py_value.h"

#include <torch/nn/modules/linear.h>
#include <torch/optim/sgd.h>

#include <filesystem>

namespace dino {

struct LinearProbeLayout {
  int64_t n_last_blocks = 4;
  bool avgpool_patchtokens = false;
};

// The save_dict after `epochs_done` epochs of a run of `epochs` at the scaled `base_lr`, plus our
// "dino_studio_probe" entry with the feature layout (the weights' shape alone cannot tell it).
io::PyValue linear_probe_checkpoint(torch::nn::Linear& classifier, torch::optim::SGD& optimizer, double base_lr,
                                    int64_t epochs, int64_t epochs_done, double best_acc,
                                    const LinearProbeLayout& layout);

// `checkpoint[key]`, or std::runtime_error naming `file` and the key.
const io::PyValue& require_entry(const io::PyValue& checkpoint, const char* key, const std::filesystem::path& file);

// The classifier's weights from a checkpoint (ours, the reference's, or a *_linearweights.pth file;
// with or without the module. prefix), checked against the classifier's shape.
void load_linear_classifier(torch::nn::Linear& classifier, const io::PyValue& checkpoint,
                            const std::filesystem::path& file);
// SGD's momentum buffers from the checkpoint's optimizer state, onto the weight (0) and bias (1).
void restore_linear_momentum(torch::optim::SGD& optimizer, torch::nn::Linear& classifier, const io::PyValue& checkpoint,
                             const std::filesystem::path& file);

}  // namespace dino

// State dicts: reading them out of PyTorch files the way the reference's load_pretrained_weights
// does (reference.md §3.8), copying them into modules with a report, and inferring a ViT from shapes.
#pragma once

#include "dino/io/py_value.h"
#include "dino/model/vit_config.h"

#include <torch/nn/module.h>
#include <torch/ordered_dict.h>

#include <filesystem>
#include <stdexcept>

namespace dino::io {

using StateDict = torch::OrderedDict<std::string, torch::Tensor>;

class StateDictError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Parameters and buffers in PyTorch's state_dict() order: module by module, each module's
// parameters before its buffers.
StateDict module_state_dict(const torch::nn::Module& module);

// The tensors of a dict, keys as they are; `where` names the file and key in error messages.
StateDict state_dict_from_py(const PyValue& dict, const std::string& where);
PyValue state_dict_to_py(const StateDict& state_dict, const std::string& key_prefix = "");

// What load_pretrained_weights sees in a file.
struct PretrainedWeights {
  StateDict state_dict;                // after removing "module." and "backbone." everywhere in keys
  std::string checkpoint_key;          // the sub-dict taken, or empty when the file is one state dict
  std::vector<std::string> top_level_keys;
  bool is_training_checkpoint = false; // holds student/teacher/optimizer/epoch
  PyValue contents;                    // the whole file, for display
};

// reference.md §3.8: take file[checkpoint_key] when the file has that key, then replace the substrings
// "module." and "backbone." in every key. Throws FileFormatError / StateDictError naming the file.
PretrainedWeights load_pretrained_weights(const std::filesystem::path& file, const std::string& checkpoint_key = "teacher");

struct LoadReport {
  std::vector<std::string> missing;     // in the module, not in the file
  std::vector<std::string> unexpected;  // in the file, not in the module
  std::vector<std::string> loaded;
  std::vector<std::string> head_left_out;  // the DINO head's keys, after set_aside_head()
  // A backbone loaded from a training checkpoint: the head's keys (head.*) are no surprise, so
  // they move from `unexpected` to `head_left_out` (reference.md §3.8: the reference reports them).
  void set_aside_head();
  std::string describe(size_t max_names = 8) const;
};

// Copies matching tensors into the module's parameters and buffers. A shape mismatch is always an
// error naming the keys (as in PyTorch); with `strict`, missing or unexpected keys are too.
LoadReport load_state_dict(torch::nn::Module& module, const StateDict& state_dict, bool strict,
                           const std::string& source = "state dict");

// The ViT that fits the tensors: width from cls_token, patch size from the patch embedding,
// depth from the block indices, native size from pos_embed, MLP ratio from fc1, heads as
// width / 64 (every reference model has 64-wide heads). Throws StateDictError naming what is
// missing or inconsistent.
VitConfig infer_vit_config(const StateDict& state_dict, const std::string& source = "state dict");
// The same, but the head count comes from the file's 'args' when it records one (our
// checkpoints store num_heads; the reference's store arch), since shapes cannot tell it.
VitConfig infer_vit_config(const PretrainedWeights& weights, const std::string& source);

}  // namespace dino::io

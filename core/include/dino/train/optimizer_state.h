// LibTorch optimizer state in the layout of PyTorch's optimizer.state_dict(), so checkpoints carry
// it as the reference's do (reference.md §8.2): {'state': {index: {...}}, 'param_groups': [...]}, with
// parameters numbered across the groups in order.
#pragma once

#include "dino/io/py_value.h"

#include <torch/optim/optimizer.h>

namespace dino {

// kind: "adamw", "sgd" or "lars".
io::PyValue optimizer_state_to_py(torch::optim::Optimizer& optimizer, const std::string& kind);

// The inverse, for resuming: per-parameter state by index, onto the optimizer's current parameters
// (same groups and order). Throws std::runtime_error when the shapes or counts do not fit.
void restore_optimizer_state(torch::optim::Optimizer& optimizer, const std::string& kind, const io::PyValue& state);

}  // namespace dino

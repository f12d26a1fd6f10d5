// LibTorch optimizer state in the layout of PyTorch's optimizer.state_dict(), so checkpoints carry
// it as the reference's do (spec §8.2): {'state': {index: {...}}, 'param_groups': [...]}, with
// parameters numbered across the groups in order.
#pragma once

#include "dino/io/py_value.h"

#include <torch/optim/optimizer.h>

namespace dino {

// kind: "adamw" or "sgd".
io::PyValue optimizer_state_to_py(torch::optim::Optimizer& optimizer, const std::string& kind);

}  // namespace dino

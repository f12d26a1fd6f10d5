// Writes a PyValue as a protocol-2 pickle the way torch.save does: tensors become
// torch._utils._rebuild_tensor_v2 calls over persistent storage records, so Python's torch.load
// (weights_only included) reads the result.
#pragma once

#include "dino/io/py_value.h"

#include <functional>

namespace dino::io {

// Receives each tensor's storage (contiguous, on the CPU) and returns the key its record is
// stored under.
using StorageSaver = std::function<std::string(const at::Tensor& contiguous_cpu_tensor)>;

// Objects (PyValue::Kind::Object) are refused: what we write must load without any class of ours.
std::string write_pickle(const PyValue& value, const StorageSaver& save_storage);

}  // namespace dino::io

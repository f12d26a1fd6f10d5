// A safe reader for the pickles inside PyTorch files: it rebuilds containers, scalars and tensors
// and nothing else. Classes it does not know become inert PyObjectData; no Python code, and no
// callable named by the file, is ever run.
#pragma once

#include "dino/io/py_value.h"

#include <c10/core/ScalarType.h>

#include <functional>
#include <stdexcept>

namespace dino::io {

class PickleError : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// Returns the storage `key` as a 1-D tensor of `numel` elements of `dtype` (torch.save writes it
// as a separate record of the archive). Throws when the record is missing or too short.
using StorageLoader = std::function<at::Tensor(const std::string& key, c10::ScalarType dtype, int64_t numel)>;

PyValue read_pickle(const uint8_t* data, size_t size, const StorageLoader& load_storage);

// "FloatStorage" -> Float, ...; nullopt for names PyTorch does not use.
std::optional<c10::ScalarType> storage_dtype(std::string_view storage_class_name);
const char* storage_class_name(c10::ScalarType dtype);  // nullptr when unsupported

}  // namespace dino::io

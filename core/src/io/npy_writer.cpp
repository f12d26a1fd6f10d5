#include "dino/io/npy_writer.h"

#include "dino/io/atomic_file.h"

#include <torch/torch.h>


namespace dino::io {
namespace {

const char* descr(c10::ScalarType type) {
  switch (type) {
    case c10::ScalarType::Float: return "<f4";
    case c10::ScalarType::Double: return "<f8";
    case c10::ScalarType::Byte: return "|u1";
    case c10::ScalarType::Int: return "<i4";
    case c10::ScalarType::Long: return "<i8";
    default: return nullptr;
  }
}

}  // namespace

std::string npy_header(const at::Tensor& tensor) {
  const char* type = descr(tensor.scalar_type());
  if (!type) throw std::runtime_error(std::string("cannot write ") + c10::toString(tensor.scalar_type()) + " tensors as .npy");
  std::string shape = "(";
  for (int64_t i = 0; i < tensor.dim(); ++i) shape += std::to_string(tensor.size(i)) + (tensor.dim() == 1 ? "," : (i + 1 < tensor.dim() ? ", " : ""));
  shape += ")";
  std::string dict = std::string("{'descr': '") + type + "', 'fortran_order': False, 'shape': " + shape + ", }";
  const size_t unpadded = 10 + dict.size() + 1;  // magic(6) + version(2) + length(2) + dict + '\n'
  dict.append((64 - unpadded % 64) % 64, ' ');
  dict += '\n';
  std::string header = "\x93NUMPY";
  header += '\x01';
  header += '\x00';
  header += static_cast<char>(dict.size() & 0xff);
  header += static_cast<char>((dict.size() >> 8) & 0xff);
  return header + dict;
}

void write_npy(const std::filesystem::path& file, const at::Tensor& tensor) {
  const auto data = tensor.detach().to(torch::kCPU).contiguous();
  const std::string header = npy_header(data);
  write_atomically(file, [&](std::ostream& out) {
    out.write(header.data(), static_cast<std::streamsize>(header.size()));
    out.write(static_cast<const char*>(data.data_ptr()), static_cast<std::streamsize>(data.nbytes()));
  });
}

}  // namespace dino::io

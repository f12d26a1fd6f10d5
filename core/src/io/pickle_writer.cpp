#include "dino/io/pickle_writer.h"

#include "dino/io/pickle_reader.h"

#include <torch/torch.h>

#include <cstring>

namespace dino::io {
namespace {

class Writer {
 public:
  explicit Writer(const StorageSaver& saver) : saver_(saver) {}

  std::string finish(const PyValue& value) {
    out_ += '\x80';
    out_ += '\x02';
    put(value);
    out_ += '.';
    return std::move(out_);
  }

 private:
  void op(char code) { out_ += code; }
  void little_endian(uint64_t value, size_t n) {
    for (size_t i = 0; i < n; ++i) out_ += static_cast<char>((value >> (8 * i)) & 0xff);
  }
  void put_global(const char* module, const char* name) {
    op('c');
    out_ += module;
    out_ += '\n';
    out_ += name;
    out_ += '\n';
  }
  void put_int(int64_t v) {
    if (v >= 0 && v < 256) {
      op('K');
      little_endian(static_cast<uint64_t>(v), 1);
    } else if (v >= 0 && v < 65536) {
      op('M');
      little_endian(static_cast<uint64_t>(v), 2);
    } else if (v >= INT32_MIN && v <= INT32_MAX) {
      op('J');
      little_endian(static_cast<uint32_t>(static_cast<int32_t>(v)), 4);
    } else {
      op('\x8a');  // LONG1 with 8 bytes, two's complement
      out_ += '\x08';
      little_endian(static_cast<uint64_t>(v), 8);
    }
  }
  void put_string(const std::string& s) {
    op('X');
    little_endian(s.size(), 4);
    out_ += s;
  }
  void put_tuple(const std::vector<PyValue>& items) {
    if (items.empty()) {
      op(')');
      return;
    }
    op('(');
    for (const auto& item : items) put(item);
    op('t');
  }
  void put_int_tuple(at::IntArrayRef values) {
    op('(');
    for (auto v : values) put_int(v);
    op('t');
  }
  void put_tensor(const at::Tensor& tensor) {
    auto cpu = tensor.detach().to(torch::kCPU).contiguous();
    const char* storage_class = storage_class_name(cpu.scalar_type());
    if (!storage_class) throw std::runtime_error(std::string("cannot save tensors of type ") + c10::toString(cpu.scalar_type()));
    const std::string key = saver_(cpu);
    put_global("torch._utils", "_rebuild_tensor_v2");
    op('(');
    // persistent id ('storage', storage class, key, location, numel)
    op('(');
    put_string("storage");
    put_global("torch", storage_class);
    put_string(key);
    put_string("cpu");
    put_int(cpu.numel());
    op('t');
    op('Q');
    put_int(0);  // storage offset
    put_int_tuple(cpu.sizes());
    put_int_tuple(cpu.strides());
    op('\x89');  // requires_grad False, as state_dict() tensors are
    put_global("collections", "OrderedDict");  // backward hooks: empty
    op(')');
    op('R');
    op('t');
    op('R');
  }
  void put(const PyValue& value) {
    switch (value.kind()) {
      case PyValue::Kind::None: op('N'); break;
      case PyValue::Kind::Bool: op(value.as_bool() ? '\x88' : '\x89'); break;
      case PyValue::Kind::Int: put_int(value.as_int()); break;
      case PyValue::Kind::Float: {
        op('G');
        const double d = value.as_double();
        uint64_t bits;
        std::memcpy(&bits, &d, sizeof bits);
        for (int i = 7; i >= 0; --i) out_ += static_cast<char>((bits >> (8 * i)) & 0xff);  // big-endian
        break;
      }
      case PyValue::Kind::String: put_string(value.as_string()); break;
      case PyValue::Kind::Bytes: {
        // Protocol 2 has no bytes opcode for Python 3; Python writes _codecs.encode(text, 'latin1').
        put_global("_codecs", "encode");
        std::string utf8;
        for (unsigned char c : value.as_string()) {
          if (c < 0x80) {
            utf8 += static_cast<char>(c);
          } else {
            utf8 += static_cast<char>(0xc0 | (c >> 6));
            utf8 += static_cast<char>(0x80 | (c & 0x3f));
          }
        }
        op('(');
        put_string(utf8);
        put_string("latin1");
        op('t');
        op('R');
        break;
      }
      case PyValue::Kind::Tensor: put_tensor(value.as_tensor()); break;
      case PyValue::Kind::Tuple: put_tuple(value.items()); break;
      case PyValue::Kind::List: {
        op(']');
        if (!value.items().empty()) {
          op('(');
          for (const auto& item : value.items()) put(item);
          op('e');
        }
        break;
      }
      case PyValue::Kind::Dict: {
        const auto& dict = value.as_dict();
        if (dict.ordered) {
          put_global("collections", "OrderedDict");
          op(')');
          op('R');
        } else {
          op('}');
        }
        if (!dict.items.empty()) {
          op('(');
          for (const auto& [k, v] : dict.items) {
            put(k);
            put(v);
          }
          op('u');
        }
        break;
      }
      case PyValue::Kind::Object:
        throw std::runtime_error("refusing to write the Python object " + value.as_object().qualified_name() +
                                 ": only plain values and tensors are saved");
    }
  }

  const StorageSaver& saver_;
  std::string out_;
};

}  // namespace

std::string write_pickle(const PyValue& value, const StorageSaver& save_storage) {
  return Writer(save_storage).finish(value);
}

}  // namespace dino::io

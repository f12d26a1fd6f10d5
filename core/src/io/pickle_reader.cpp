#include "dino/io/pickle_reader.h"

#include <torch/torch.h>

#include <cstring>
#include <sstream>
#include <unordered_map>

namespace dino::io {
namespace {

struct StorageName {
  const char* name;
  c10::ScalarType dtype;
};

constexpr StorageName kStorageNames[] = {
    {"FloatStorage", c10::ScalarType::Float},  {"DoubleStorage", c10::ScalarType::Double},
    {"HalfStorage", c10::ScalarType::Half},    {"BFloat16Storage", c10::ScalarType::BFloat16},
    {"LongStorage", c10::ScalarType::Long},    {"IntStorage", c10::ScalarType::Int},
    {"ShortStorage", c10::ScalarType::Short},  {"CharStorage", c10::ScalarType::Char},
    {"ByteStorage", c10::ScalarType::Byte},    {"BoolStorage", c10::ScalarType::Bool},
    {"UntypedStorage", c10::ScalarType::Byte},
};

// Opcodes of pickle protocols 2 to 5 (5's in-band bytearray; no out-of-band buffers) (Python's Lib/pickle.py names them
// the same).
enum Op : uint8_t {
  MARK = '(',
  STOP = '.',
  POP = '0',
  POP_MARK = '1',
  DUP = '2',
  BININT = 'J',
  BININT1 = 'K',
  BININT2 = 'M',
  NONE = 'N',
  BINPERSID = 'Q',
  REDUCE = 'R',
  BINSTRING = 'T',
  SHORT_BINSTRING = 'U',
  BINUNICODE = 'X',
  APPEND = 'a',
  BUILD = 'b',
  GLOBAL = 'c',
  DICT = 'd',
  EMPTY_DICT = '}',
  APPENDS = 'e',
  BINGET = 'h',
  LONG_BINGET = 'j',
  LIST = 'l',
  EMPTY_LIST = ']',
  BINPUT = 'q',
  LONG_BINPUT = 'r',
  SETITEM = 's',
  TUPLE = 't',
  EMPTY_TUPLE = ')',
  SETITEMS = 'u',
  BINFLOAT = 'G',
  BINBYTES = 'B',
  SHORT_BINBYTES = 'C',
  PROTO = 0x80,
  NEWOBJ = 0x81,
  TUPLE1 = 0x85,
  TUPLE2 = 0x86,
  TUPLE3 = 0x87,
  NEWTRUE = 0x88,
  NEWFALSE = 0x89,
  LONG1 = 0x8a,
  LONG4 = 0x8b,
  SHORT_BINUNICODE = 0x8c,
  BINUNICODE8 = 0x8d,
  BINBYTES8 = 0x8e,
  EMPTY_SET = 0x8f,
  ADDITEMS = 0x90,
  FROZENSET = 0x91,
  NEWOBJ_EX = 0x92,
  STACK_GLOBAL = 0x93,
  MEMOIZE = 0x94,
  FRAME = 0x95,
  BYTEARRAY8 = 0x96,
};

class Reader {
 public:
  Reader(const uint8_t* data, size_t size, const StorageLoader& loader) : data_(data), size_(size), loader_(loader) {}

  PyValue run() {
    while (true) {
      const size_t at = pos_;
      const uint8_t op = byte();
      try {
        if (op == STOP) break;
        step(op);
      } catch (const PickleError&) {
        throw;
      } catch (const std::exception& e) {
        fail(at, e.what());
      }
    }
    if (stack_.size() != 1)
      fail(pos_, "the pickle ended with " + std::to_string(stack_.size()) + " values on its stack");
    return stack_.back();
  }

 private:
  [[noreturn]] void fail(size_t at, const std::string& what) const {
    throw PickleError("pickle byte " + std::to_string(at) + ": " + what);
  }
  void need(size_t n) const {
    if (pos_ + n > size_) fail(pos_, "truncated: " + std::to_string(n) + " more bytes expected");
  }
  uint8_t byte() {
    need(1);
    return data_[pos_++];
  }
  uint64_t little_endian(size_t n) {
    need(n);
    uint64_t value = 0;
    for (size_t i = 0; i < n; ++i) value |= static_cast<uint64_t>(data_[pos_ + i]) << (8 * i);
    pos_ += n;
    return value;
  }
  std::string raw(size_t n) {
    need(n);
    std::string text(reinterpret_cast<const char*>(data_ + pos_), n);
    pos_ += n;
    return text;
  }
  std::string line() {
    size_t end = pos_;
    while (end < size_ && data_[end] != '\n') ++end;
    if (end >= size_) fail(pos_, "truncated: unterminated GLOBAL name");
    std::string text(reinterpret_cast<const char*>(data_ + pos_), end - pos_);
    pos_ = end + 1;
    return text;
  }
  PyValue pop() {
    if (stack_.empty() || (!marks_.empty() && stack_.size() <= marks_.back())) fail(pos_, "stack underflow");
    PyValue value = std::move(stack_.back());
    stack_.pop_back();
    return value;
  }
  PyValue& top() {
    if (stack_.empty()) fail(pos_, "stack underflow");
    return stack_.back();
  }
  std::vector<PyValue> pop_to_mark() {
    if (marks_.empty()) fail(pos_, "no MARK on the stack");
    const size_t mark = marks_.back();
    marks_.pop_back();
    std::vector<PyValue> items(std::make_move_iterator(stack_.begin() + static_cast<std::ptrdiff_t>(mark)),
                               std::make_move_iterator(stack_.end()));
    stack_.resize(mark);
    return items;
  }
  void memo_put(uint64_t index) { memo_[index] = top(); }
  PyValue memo_get(uint64_t index) {
    auto it = memo_.find(index);
    if (it == memo_.end()) fail(pos_, "memo entry " + std::to_string(index) + " is undefined");
    return it->second;
  }
  void set_items(PyValue& target, std::vector<PyValue>& pairs) {
    if (pairs.size() % 2) fail(pos_, "SETITEMS with an odd number of values");
    if (!target.is_dict()) fail(pos_, std::string("SETITEM on a ") + PyValue::kind_name(target.kind()));
    for (size_t i = 0; i < pairs.size(); i += 2) target.as_dict().set(std::move(pairs[i]), std::move(pairs[i + 1]));
  }
  void append_items(PyValue& target, std::vector<PyValue>& items) {
    if (target.kind() != PyValue::Kind::List)
      fail(pos_, std::string("APPEND to a ") + PyValue::kind_name(target.kind()));
    auto& list = target.mutable_items();
    for (auto& item : items) list.push_back(std::move(item));
  }

  static PyValue class_ref(std::string module, std::string name) {
    auto data = std::make_shared<PyObjectData>();
    data->module = std::move(module);
    data->name = std::move(name);
    data->is_class = true;
    return PyValue::object(std::move(data));
  }

  PyValue rebuild_tensor(const std::vector<PyValue>& args) {
    if (args.size() < 4) fail(pos_, "_rebuild_tensor with " + std::to_string(args.size()) + " arguments");
    const auto& storage = args[0].as_tensor();
    const int64_t offset = args[1].as_int();
    std::vector<int64_t> sizes, strides;
    for (const auto& v : args[2].items()) sizes.push_back(v.as_int());
    for (const auto& v : args[3].items()) strides.push_back(v.as_int());
    if (sizes.size() != strides.size()) fail(pos_, "tensor size and stride differ in length");
    int64_t last = offset;
    bool empty = false;
    for (size_t i = 0; i < sizes.size(); ++i) {
      if (sizes[i] < 0 || strides[i] < 0) fail(pos_, "negative tensor size or stride");
      if (sizes[i] == 0) empty = true;
      last += (sizes[i] - 1) * strides[i];
    }
    if (offset < 0 || (!empty && last >= storage.numel()))
      fail(pos_, "tensor of size " + args[2].summary() + " reaches past its storage of " +
                     std::to_string(storage.numel()) + " elements");
    if (empty) return PyValue::tensor(torch::empty(sizes, storage.options()));
    return PyValue::tensor(storage.as_strided(sizes, strides, offset));
  }

  // The only callables a file may name that become values; everything else stays inert.
  PyValue reduce(const PyValue& callable, std::vector<PyValue> args) {
    const auto& cls = callable.as_object();
    const std::string name = cls.qualified_name();
    if (cls.is_class) {
      if (name == "torch._utils._rebuild_tensor_v2" || name == "torch._utils._rebuild_tensor")
        return rebuild_tensor(args);
      if (name == "torch._utils._rebuild_parameter" || name == "torch._utils._rebuild_parameter_with_state") {
        if (args.empty() || !args[0].is_tensor()) fail(pos_, name + " without a tensor");
        return args[0];
      }
      if (name == "collections.OrderedDict") {
        auto dict = PyValue::dict(/*ordered=*/true);
        if (!args.empty() && args[0].is_sequence())
          for (const auto& pair : args[0].items())
            if (pair.is_sequence() && pair.items().size() == 2) dict.as_dict().set(pair.items()[0], pair.items()[1]);
        return dict;
      }
      if (name == "torch.Size" || name == "builtins.set" || name == "builtins.frozenset") {
        auto items = args.empty() ? std::vector<PyValue>{} : args[0].items();
        return name == "torch.Size" ? PyValue::tuple(std::move(items)) : PyValue::list(std::move(items));
      }
      if (name == "torch.device" && !args.empty() && args[0].is_string()) return args[0];
      if (name == "_codecs.encode" && !args.empty() && args[0].is_string())
        return PyValue::bytes(latin1(args[0].as_string()));
    }
    auto instance = std::make_shared<PyObjectData>();
    instance->module = cls.module;
    instance->name = cls.name;
    instance->args = std::move(args);
    return PyValue::object(std::move(instance));
  }

  // Protocol 2 writes bytes as _codecs.encode(text, 'latin1'): undo the UTF-8 of the text.
  static std::string latin1(const std::string& utf8) {
    std::string out;
    for (size_t i = 0; i < utf8.size(); ++i) {
      const auto c = static_cast<unsigned char>(utf8[i]);
      if (c < 0x80 || i + 1 >= utf8.size()) {
        out.push_back(static_cast<char>(c));
      } else {
        out.push_back(static_cast<char>(((c & 0x1f) << 6) | (static_cast<unsigned char>(utf8[++i]) & 0x3f)));
      }
    }
    return out;
  }

  PyValue persistent_load(const PyValue& pid) {
    const auto& parts = pid.items();
    if (parts.size() < 5 || !parts[0].is_string() || parts[0].as_string() != "storage")
      fail(pos_, "unknown persistent id " + pid.summary());
    const auto& type = parts[1].as_object();
    auto dtype = storage_dtype(type.name);
    if (type.module != "torch" || !dtype) fail(pos_, "unsupported storage type " + type.qualified_name());
    const std::string& key = parts[2].as_string();
    const int64_t numel = parts[4].as_int();
    if (numel < 0) fail(pos_, "negative storage size");
    auto it = storages_.find(key);
    if (it == storages_.end()) it = storages_.emplace(key, loader_(key, *dtype, numel)).first;
    return PyValue::tensor(it->second);
  }

  void step(uint8_t op) {
    switch (op) {
      case PROTO:
        byte();
        break;
      case FRAME:
        little_endian(8);
        break;
      case MARK:
        marks_.push_back(stack_.size());
        break;
      case POP:
        pop();
        break;
      case POP_MARK:
        pop_to_mark();
        break;
      case DUP:
        stack_.push_back(top());
        break;
      case NONE:
        stack_.emplace_back();
        break;
      case NEWTRUE:
        stack_.push_back(PyValue::boolean(true));
        break;
      case NEWFALSE:
        stack_.push_back(PyValue::boolean(false));
        break;
      case BININT:
        stack_.push_back(PyValue::integer(static_cast<int32_t>(little_endian(4))));
        break;
      case BININT1:
        stack_.push_back(PyValue::integer(byte()));
        break;
      case BININT2:
        stack_.push_back(PyValue::integer(static_cast<int64_t>(little_endian(2))));
        break;
      case LONG1:
      case LONG4: {
        const size_t n = op == LONG1 ? byte() : static_cast<size_t>(little_endian(4));
        if (n > 8) fail(pos_, "integer of " + std::to_string(n) + " bytes does not fit 64 bits");
        uint64_t value = n ? little_endian(n) : 0;
        if (n && n < 8 && (value >> (8 * n - 1)) & 1) value |= ~uint64_t{0} << (8 * n);  // sign-extend
        stack_.push_back(PyValue::integer(static_cast<int64_t>(value)));
        break;
      }
      case BINFLOAT: {
        need(8);
        uint64_t bits = 0;
        for (int i = 0; i < 8; ++i) bits = (bits << 8) | data_[pos_++];  // big-endian
        double value;
        std::memcpy(&value, &bits, sizeof value);
        stack_.push_back(PyValue::floating(value));
        break;
      }
      case SHORT_BINUNICODE:
        stack_.push_back(PyValue::string(raw(byte())));
        break;
      case BINUNICODE:
        stack_.push_back(PyValue::string(raw(little_endian(4))));
        break;
      case BINUNICODE8:
        stack_.push_back(PyValue::string(raw(little_endian(8))));
        break;
      case SHORT_BINSTRING:
        stack_.push_back(PyValue::string(raw(byte())));
        break;
      case BINSTRING:
        stack_.push_back(PyValue::string(raw(little_endian(4))));
        break;
      case SHORT_BINBYTES:
        stack_.push_back(PyValue::bytes(raw(byte())));
        break;
      case BINBYTES:
        stack_.push_back(PyValue::bytes(raw(little_endian(4))));
        break;
      case BINBYTES8:
      case BYTEARRAY8:
        stack_.push_back(PyValue::bytes(raw(little_endian(8))));
        break;
      case EMPTY_DICT:
        stack_.push_back(PyValue::dict());
        break;
      case EMPTY_LIST:
        stack_.push_back(PyValue::list());
        break;
      case EMPTY_TUPLE:
        stack_.push_back(PyValue::tuple());
        break;
      case EMPTY_SET:
        stack_.push_back(PyValue::list());
        break;
      case DICT: {
        auto items = pop_to_mark();
        auto dict = PyValue::dict();
        set_items(dict, items);
        stack_.push_back(std::move(dict));
        break;
      }
      case LIST:
        stack_.push_back(PyValue::list(pop_to_mark()));
        break;
      case TUPLE:
        stack_.push_back(PyValue::tuple(pop_to_mark()));
        break;
      case FROZENSET:
        stack_.push_back(PyValue::list(pop_to_mark()));
        break;
      case TUPLE1:
      case TUPLE2:
      case TUPLE3: {
        const size_t n = op - TUPLE1 + 1;
        std::vector<PyValue> items(n);
        for (size_t i = n; i-- > 0;) items[i] = pop();
        stack_.push_back(PyValue::tuple(std::move(items)));
        break;
      }
      case APPEND: {
        auto value = pop();
        std::vector<PyValue> one{std::move(value)};
        append_items(top(), one);
        break;
      }
      case APPENDS:
      case ADDITEMS: {
        auto items = pop_to_mark();
        append_items(top(), items);
        break;
      }
      case SETITEM: {
        auto value = pop();
        auto key = pop();
        std::vector<PyValue> pair{std::move(key), std::move(value)};
        set_items(top(), pair);
        break;
      }
      case SETITEMS: {
        auto items = pop_to_mark();
        set_items(top(), items);
        break;
      }
      case BINPUT:
        memo_put(byte());
        break;
      case LONG_BINPUT:
        memo_put(little_endian(4));
        break;
      case MEMOIZE:
        memo_put(memo_.size());
        break;
      case BINGET:
        stack_.push_back(memo_get(byte()));
        break;
      case LONG_BINGET:
        stack_.push_back(memo_get(little_endian(4)));
        break;
      case GLOBAL: {
        auto module = line();
        auto name = line();
        stack_.push_back(class_ref(std::move(module), std::move(name)));
        break;
      }
      case STACK_GLOBAL: {
        auto name = pop();
        auto module = pop();
        stack_.push_back(class_ref(module.as_string(), name.as_string()));
        break;
      }
      case REDUCE: {
        auto args = pop();
        auto callable = pop();
        if (!callable.is_object()) fail(pos_, "REDUCE on a " + std::string(PyValue::kind_name(callable.kind())));
        stack_.push_back(reduce(callable, args.items()));
        break;
      }
      case NEWOBJ:
      case NEWOBJ_EX: {
        if (op == NEWOBJ_EX) pop();  // keyword arguments
        auto args = pop();
        auto cls = pop();
        auto instance = std::make_shared<PyObjectData>();
        instance->module = cls.as_object().module;
        instance->name = cls.as_object().name;
        instance->args = args.items();
        stack_.push_back(PyValue::object(std::move(instance)));
        break;
      }
      case BUILD: {
        auto state = pop();
        auto& target = top();
        // An OrderedDict's state (state_dict()'s _metadata) carries nothing we use.
        if (target.is_object()) target.as_object().state = std::make_shared<PyValue>(std::move(state));
        break;
      }
      case BINPERSID: {
        auto pid = pop();
        stack_.push_back(persistent_load(pid));
        break;
      }
      default: {
        std::ostringstream what;
        what << "unsupported pickle opcode 0x" << std::hex << static_cast<int>(op)
             << " (only the binary protocols 2-4 that torch.save writes are read)";
        fail(pos_ - 1, what.str());
      }
    }
  }

  const uint8_t* data_;
  size_t size_;
  size_t pos_ = 0;
  const StorageLoader& loader_;
  std::vector<PyValue> stack_;
  std::vector<size_t> marks_;
  std::unordered_map<uint64_t, PyValue> memo_;
  std::unordered_map<std::string, at::Tensor> storages_;
};

}  // namespace

std::optional<c10::ScalarType> storage_dtype(std::string_view storage_class_name) {
  for (const auto& entry : kStorageNames)
    if (storage_class_name == entry.name) return entry.dtype;
  return std::nullopt;
}

const char* storage_class_name(c10::ScalarType dtype) {
  for (const auto& entry : kStorageNames)
    if (entry.dtype == dtype && std::string_view(entry.name) != "UntypedStorage") return entry.name;
  return nullptr;
}

PyValue read_pickle(const uint8_t* data, size_t size, const StorageLoader& load_storage) {
  return Reader(data, size, load_storage).run();
}

}  // namespace dino::io

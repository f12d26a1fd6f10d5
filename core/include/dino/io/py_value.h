// A Python value as read from (or written to) a pickle: the containers, scalars and tensors that
// PyTorch files hold. Anything else (argparse.Namespace, an optimizer object) stays inert data:
// its class name, constructor arguments and state, which can be shown but never run.
#pragma once

#include <ATen/core/Tensor.h>

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace dino::io {

class PyValue;

struct PyDict {
  std::vector<std::pair<PyValue, PyValue>> items;
  bool ordered = false;  // collections.OrderedDict rather than dict (kept when writing)

  const PyValue* find(std::string_view key) const;
  PyValue* find(std::string_view key);
  void set(PyValue key, PyValue value);  // replaces an existing key
};

// An instance of a class the reader does not rebuild, e.g. argparse.Namespace.
struct PyObjectData {
  std::string module;
  std::string name;
  std::vector<PyValue> args;        // constructor arguments (REDUCE/NEWOBJ)
  std::shared_ptr<PyValue> state;   // BUILD state, usually a dict of attributes
  bool is_class = false;            // the class itself, not yet instantiated
  std::string qualified_name() const { return module + "." + name; }
};

class PyValue {
 public:
  enum class Kind { None, Bool, Int, Float, String, Bytes, Tensor, List, Tuple, Dict, Object };

  PyValue() = default;  // None
  static PyValue boolean(bool value);
  static PyValue integer(int64_t value);
  static PyValue floating(double value);
  static PyValue string(std::string value);
  static PyValue bytes(std::string value);
  static PyValue tensor(at::Tensor value);
  static PyValue list(std::vector<PyValue> items = {});
  static PyValue tuple(std::vector<PyValue> items = {});
  static PyValue dict(bool ordered = false);
  static PyValue object(std::shared_ptr<PyObjectData> data);

  Kind kind() const { return kind_; }
  bool is_none() const { return kind_ == Kind::None; }
  bool is_string() const { return kind_ == Kind::String; }
  bool is_int() const { return kind_ == Kind::Int; }
  bool is_number() const { return kind_ == Kind::Int || kind_ == Kind::Float || kind_ == Kind::Bool; }
  bool is_tensor() const { return kind_ == Kind::Tensor; }
  bool is_dict() const { return kind_ == Kind::Dict; }
  bool is_sequence() const { return kind_ == Kind::List || kind_ == Kind::Tuple; }
  bool is_object() const { return kind_ == Kind::Object; }

  // Accessors throw std::runtime_error naming the expected and actual kinds on a mismatch.
  bool as_bool() const;
  int64_t as_int() const;
  double as_double() const;  // ints and bools convert
  const std::string& as_string() const;  // strings and bytes
  const at::Tensor& as_tensor() const;
  const std::vector<PyValue>& items() const;  // list or tuple
  std::vector<PyValue>& mutable_items();
  const PyDict& as_dict() const;
  PyDict& as_dict();
  const PyObjectData& as_object() const;
  PyObjectData& as_object();

  // Attributes of an object (its state dict) or the dict itself; null when neither.
  const PyDict* attributes() const;

  static const char* kind_name(Kind kind);
  // A one-line, length-limited rendering for people: tensors as dtype and shape.
  std::string summary(size_t max_length = 120) const;

 private:
  explicit PyValue(Kind kind) : kind_(kind) {}
  [[noreturn]] void kind_error(const char* expected) const;

  Kind kind_ = Kind::None;
  bool bool_ = false;
  int64_t int_ = 0;
  double float_ = 0;
  std::string string_;
  at::Tensor tensor_;
  std::shared_ptr<std::vector<PyValue>> items_;
  std::shared_ptr<PyDict> dict_;
  std::shared_ptr<PyObjectData> object_;
};

}  // namespace dino::io

#include "dino/io/py_value.h"

#include <sstream>
#include <stdexcept>

namespace dino::io {

const PyValue* PyDict::find(std::string_view key) const {
  for (const auto& [k, v] : items)
    if (k.is_string() && k.as_string() == key) return &v;
  return nullptr;
}

PyValue* PyDict::find(std::string_view key) {
  return const_cast<PyValue*>(static_cast<const PyDict*>(this)->find(key));
}

void PyDict::set(PyValue key, PyValue value) {
  if (key.is_string()) {
    if (auto* existing = find(key.as_string())) {
      *existing = std::move(value);
      return;
    }
  } else if (key.is_int()) {
    for (auto& [k, v] : items) {
      if (k.is_int() && k.as_int() == key.as_int()) {
        v = std::move(value);
        return;
      }
    }
  }
  items.emplace_back(std::move(key), std::move(value));
}

PyValue PyValue::boolean(bool value) {
  PyValue v(Kind::Bool);
  v.bool_ = value;
  return v;
}
PyValue PyValue::integer(int64_t value) {
  PyValue v(Kind::Int);
  v.int_ = value;
  return v;
}
PyValue PyValue::floating(double value) {
  PyValue v(Kind::Float);
  v.float_ = value;
  return v;
}
PyValue PyValue::string(std::string value) {
  PyValue v(Kind::String);
  v.string_ = std::move(value);
  return v;
}
PyValue PyValue::bytes(std::string value) {
  PyValue v(Kind::Bytes);
  v.string_ = std::move(value);
  return v;
}
PyValue PyValue::tensor(at::Tensor value) {
  PyValue v(Kind::Tensor);
  v.tensor_ = std::move(value);
  return v;
}
PyValue PyValue::list(std::vector<PyValue> items) {
  PyValue v(Kind::List);
  v.items_ = std::make_shared<std::vector<PyValue>>(std::move(items));
  return v;
}
PyValue PyValue::tuple(std::vector<PyValue> items) {
  PyValue v(Kind::Tuple);
  v.items_ = std::make_shared<std::vector<PyValue>>(std::move(items));
  return v;
}
PyValue PyValue::dict(bool ordered) {
  PyValue v(Kind::Dict);
  v.dict_ = std::make_shared<PyDict>();
  v.dict_->ordered = ordered;
  return v;
}
PyValue PyValue::object(std::shared_ptr<PyObjectData> data) {
  PyValue v(Kind::Object);
  v.object_ = std::move(data);
  return v;
}

const char* PyValue::kind_name(Kind kind) {
  switch (kind) {
    case Kind::None: return "None";
    case Kind::Bool: return "bool";
    case Kind::Int: return "int";
    case Kind::Float: return "float";
    case Kind::String: return "str";
    case Kind::Bytes: return "bytes";
    case Kind::Tensor: return "tensor";
    case Kind::List: return "list";
    case Kind::Tuple: return "tuple";
    case Kind::Dict: return "dict";
    case Kind::Object: return "object";
  }
  return "?";
}

void PyValue::kind_error(const char* expected) const {
  throw std::runtime_error(std::string("expected a Python ") + expected + ", found " + kind_name(kind_));
}

bool PyValue::as_bool() const {
  if (kind_ == Kind::Bool) return bool_;
  if (kind_ == Kind::Int) return int_ != 0;
  kind_error("bool");
}
int64_t PyValue::as_int() const {
  if (kind_ == Kind::Int) return int_;
  if (kind_ == Kind::Bool) return bool_ ? 1 : 0;
  kind_error("int");
}
double PyValue::as_double() const {
  if (kind_ == Kind::Float) return float_;
  if (kind_ == Kind::Int) return static_cast<double>(int_);
  if (kind_ == Kind::Bool) return bool_ ? 1.0 : 0.0;
  kind_error("float");
}
const std::string& PyValue::as_string() const {
  if (kind_ == Kind::String || kind_ == Kind::Bytes) return string_;
  kind_error("str");
}
const at::Tensor& PyValue::as_tensor() const {
  if (kind_ == Kind::Tensor) return tensor_;
  kind_error("tensor");
}
const std::vector<PyValue>& PyValue::items() const {
  if (is_sequence()) return *items_;
  kind_error("list or tuple");
}
std::vector<PyValue>& PyValue::mutable_items() {
  if (is_sequence()) return *items_;
  kind_error("list or tuple");
}
const PyDict& PyValue::as_dict() const {
  if (kind_ == Kind::Dict) return *dict_;
  kind_error("dict");
}
PyDict& PyValue::as_dict() {
  if (kind_ == Kind::Dict) return *dict_;
  kind_error("dict");
}
const PyObjectData& PyValue::as_object() const {
  if (kind_ == Kind::Object) return *object_;
  kind_error("object");
}
PyObjectData& PyValue::as_object() {
  if (kind_ == Kind::Object) return *object_;
  kind_error("object");
}

const PyDict* PyValue::attributes() const {
  if (kind_ == Kind::Dict) return dict_.get();
  if (kind_ == Kind::Object && object_->state && object_->state->is_dict()) return &object_->state->as_dict();
  return nullptr;
}

namespace {

void render(const PyValue& value, std::ostringstream& out, size_t budget) {
  if (static_cast<size_t>(out.tellp()) > budget) return;
  switch (value.kind()) {
    case PyValue::Kind::None: out << "None"; break;
    case PyValue::Kind::Bool: out << (value.as_bool() ? "True" : "False"); break;
    case PyValue::Kind::Int: out << value.as_int(); break;
    case PyValue::Kind::Float: out << value.as_double(); break;
    case PyValue::Kind::String: out << '\'' << value.as_string() << '\''; break;
    case PyValue::Kind::Bytes: out << "b<" << value.as_string().size() << " bytes>"; break;
    case PyValue::Kind::Tensor: {
      const auto& t = value.as_tensor();
      out << "tensor(" << t.scalar_type() << ", " << t.sizes() << ")";
      break;
    }
    case PyValue::Kind::List:
    case PyValue::Kind::Tuple: {
      const bool list = value.kind() == PyValue::Kind::List;
      out << (list ? '[' : '(');
      bool first = true;
      for (const auto& item : value.items()) {
        if (!first) out << ", ";
        first = false;
        render(item, out, budget);
        if (static_cast<size_t>(out.tellp()) > budget) break;
      }
      out << (list ? ']' : ')');
      break;
    }
    case PyValue::Kind::Dict: {
      out << '{';
      bool first = true;
      for (const auto& [k, v] : value.as_dict().items) {
        if (!first) out << ", ";
        first = false;
        render(k, out, budget);
        out << ": ";
        render(v, out, budget);
        if (static_cast<size_t>(out.tellp()) > budget) break;
      }
      out << '}';
      break;
    }
    case PyValue::Kind::Object: {
      const auto& object = value.as_object();
      out << object.qualified_name();
      if (object.is_class) break;
      out << '(';
      if (const auto* attrs = value.attributes()) {
        bool first = true;
        for (const auto& [k, v] : attrs->items) {
          if (!first) out << ", ";
          first = false;
          out << (k.is_string() ? k.as_string() : k.summary(20)) << '=';
          render(v, out, budget);
          if (static_cast<size_t>(out.tellp()) > budget) break;
        }
      }
      out << ')';
      break;
    }
  }
}

}  // namespace

std::string PyValue::summary(size_t max_length) const {
  std::ostringstream out;
  render(*this, out, max_length);
  std::string text = out.str();
  if (text.size() > max_length) text = text.substr(0, max_length > 3 ? max_length - 3 : 0) + "...";
  return text;
}

}  // namespace dino::io

#include "dino/eval/revisited_dataset.h"

#include "dino/io/pickle_reader.h"

#include <c10/util/Exception.h>

#include <cstring>
#include <fstream>
#include <iterator>
#include <stdexcept>

namespace dino {
namespace {

using io::PyValue;

// A numpy array as pickled: numpy.core.multiarray._reconstruct then BUILD with the state (version,
// shape, dtype, is_fortran, raw bytes) up to protocol 4, or numeric._frombuffer(bytes, dtype, shape,
// order) with protocol 5; a numpy scalar is multiarray.scalar(dtype, bytes). Its elements as doubles; integer and float
// dtypes, little-endian.
std::vector<double> numpy_values(const io::PyObjectData& array, const std::string& what) {
  auto bad = [&](const std::string& why) { return std::runtime_error(what + ": a numpy array " + why); };
  const PyValue* dtype_value = nullptr;
  const PyValue* data = nullptr;
  if (array.name == "_frombuffer" && array.args.size() >= 2) {
    data = &array.args[0];
    dtype_value = &array.args[1];
  } else if (array.name == "scalar" && array.args.size() >= 2) {  // numpy.int64(3) and the like
    dtype_value = &array.args[0];
    data = &array.args[1];
  } else if (array.name == "_reconstruct" && array.state && array.state->is_sequence() &&
             array.state->items().size() >= 5) {
    dtype_value = &array.state->items()[2];
    data = &array.state->items()[4];
  } else {
    throw bad("(" + array.qualified_name() + ") this reader does not know");
  }
  const PyValue& dtype = *dtype_value;
  if (!dtype.is_object() || dtype.as_object().args.empty() || !dtype.as_object().args[0].is_string())
    throw bad("of an unknown element type");
  const std::string code = dtype.as_object().args[0].as_string();  // "i8", "f4", "u1", ...
  if (dtype.as_object().state && dtype.as_object().state->is_sequence() &&
      dtype.as_object().state->items().size() > 1 && dtype.as_object().state->items()[1].is_string() &&
      dtype.as_object().state->items()[1].as_string() == ">")
    throw bad("in big-endian order");
  if (code.size() < 2 || (code[0] != 'i' && code[0] != 'u' && code[0] != 'f'))
    throw bad("of type " + code + ", not numbers");
  const size_t width = std::stoul(code.substr(1));
  if (data->kind() != PyValue::Kind::Bytes && !data->is_string()) throw bad("of Python objects, not numbers");
  const std::string& raw = data->as_string();
  if (width == 0 || raw.size() % width != 0) throw bad("whose data does not fit its type " + code);
  std::vector<double> values(raw.size() / width);
  for (size_t i = 0; i < values.size(); ++i) {
    const char* p = raw.data() + i * width;
    if (code[0] == 'f' && width == 4) {
      float v;
      std::memcpy(&v, p, 4);
      values[i] = v;
    } else if (code[0] == 'f' && width == 8) {
      double v;
      std::memcpy(&v, p, 8);
      values[i] = v;
    } else if (code[0] == 'f')
      throw bad("of type " + code);
    else {
      uint64_t bits = 0;
      std::memcpy(&bits, p, std::min<size_t>(width, 8));
      if (code[0] == 'i' && width < 8 && (bits >> (8 * width - 1)) & 1) bits |= ~uint64_t{0} << (8 * width);
      values[i] = code[0] == 'i' ? static_cast<double>(static_cast<int64_t>(bits)) : static_cast<double>(bits);
    }
  }
  return values;
}

// A list, tuple or numpy array of numbers.
std::vector<double> numbers(const PyValue& value, const std::string& what) {
  if (value.is_object()) return numpy_values(value.as_object(), what);
  if (!value.is_sequence()) throw std::runtime_error(what + ": expected a list of numbers, found " + value.summary(60));
  std::vector<double> out;
  for (const auto& item : value.items()) {
    if (item.is_object()) {
      const auto scalar = numpy_values(item.as_object(), what);
      out.insert(out.end(), scalar.begin(), scalar.end());
      continue;
    }
    if (!item.is_number()) throw std::runtime_error(what + ": expected numbers, found " + item.summary(60));
    out.push_back(item.as_double());
  }
  return out;
}

std::vector<int64_t> indices(const PyValue& value, const std::string& what, size_t database_size) {
  std::vector<int64_t> out;
  for (double v : numbers(value, what)) {
    if (v != static_cast<double>(static_cast<int64_t>(v)) || v < 0 || v >= static_cast<double>(database_size))
      throw std::runtime_error(what + ": " + std::to_string(v) + " is not an index of the " +
                               std::to_string(database_size) + " database images");
    out.push_back(static_cast<int64_t>(v));
  }
  return out;
}

std::vector<std::string> names(const PyValue& value, const std::string& what) {
  if (!value.is_sequence()) throw std::runtime_error(what + ": expected a list of image names");
  std::vector<std::string> out;
  for (const auto& item : value.items()) {
    if (!item.is_string()) throw std::runtime_error(what + ": expected image names, found " + item.summary(60));
    out.push_back(item.as_string());
  }
  return out;
}

}  // namespace

RevisitedDataset read_revisited_dataset(const std::filesystem::path& data_path, const std::string& dataset) {
  RevisitedDataset d;
  d.name = dataset;
  d.ground_truth_file = data_path / dataset / ("gnd_" + dataset + ".pkl");
  d.image_folder = data_path / dataset / "jpg";
  const std::string file = d.ground_truth_file.string();
  std::ifstream in(d.ground_truth_file, std::ios::binary);
  if (!in)
    throw std::runtime_error(file + ": cannot open the ground truth (expected <data_path>/" + dataset + "/gnd_" +
                             dataset + ".pkl)");
  const std::vector<char> bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
  PyValue root;
  try {
    root = io::read_pickle(reinterpret_cast<const uint8_t*>(bytes.data()), bytes.size(),
                           [&](const std::string&, c10::ScalarType, int64_t) -> at::Tensor {
                             throw std::runtime_error("a ground-truth file holds no tensors");
                           });
  } catch (const std::exception& e) {
    throw std::runtime_error(file + ": not a readable pickle: " + e.what());
  }
  if (!root.is_dict()) throw std::runtime_error(file + ": expected a dict with imlist, qimlist and gnd");
  const auto& top = root.as_dict();
  auto key = [&](const char* name) -> const PyValue& {
    const PyValue* v = top.find(name);
    if (!v) throw std::runtime_error(file + ": no '" + name + "' key");
    return *v;
  };
  d.database = names(key("imlist"), file + " imlist");
  d.queries = names(key("qimlist"), file + " qimlist");
  if (d.database.empty() || d.queries.empty())
    throw std::runtime_error(file + ": " + (d.database.empty() ? "imlist" : "qimlist") + " names no image");
  const PyValue& gnd = key("gnd");
  if (!gnd.is_sequence() || gnd.items().size() != d.queries.size())
    throw std::runtime_error(file + ": 'gnd' must hold one entry per query (" + std::to_string(d.queries.size()) + ")");
  for (size_t q = 0; q < gnd.items().size(); ++q) {
    const std::string where = file + " gnd[" + std::to_string(q) + "]";
    const PyValue& entry = gnd.items()[q];
    if (!entry.is_dict()) throw std::runtime_error(where + ": expected a dict");
    auto field = [&](const char* name) -> const PyValue& {
      const PyValue* v = entry.as_dict().find(name);
      if (!v) throw std::runtime_error(where + ": no '" + name + "' key");
      return *v;
    };
    RevisitedQuery query;
    query.easy = indices(field("easy"), where + "['easy']", d.database.size());
    query.hard = indices(field("hard"), where + "['hard']", d.database.size());
    query.junk = indices(field("junk"), where + "['junk']", d.database.size());
    d.ground_truth.push_back(std::move(query));
    const auto box = numbers(field("bbx"), where + "['bbx']");
    if (box.size() != 4) throw std::runtime_error(where + "['bbx']: expected x1, y1, x2, y2");
    d.query_boxes.push_back({box[0], box[1], box[2], box[3]});
  }
  return d;
}

}  // namespace dino

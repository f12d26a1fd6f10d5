#include "dino/io/training_checkpoint.h"

#include "dino/io/torch_file.h"

#include <torch/torch.h>

namespace dino::io {
namespace {

StateDict strip_leading(const StateDict& sd, const std::string& prefix) {
  StateDict out;
  for (const auto& item : sd) {
    const bool has = item.key().rfind(prefix, 0) == 0;
    out.insert(has ? item.key().substr(prefix.size()) : item.key(), item.value());
  }
  return out;
}

}  // namespace

PyValue training_checkpoint_to_py(const TrainingCheckpoint& checkpoint) {
  auto file = PyValue::dict();
  auto& top = file.as_dict();
  top.set(PyValue::string("student"), state_dict_to_py(checkpoint.student, "module."));
  top.set(PyValue::string("teacher"), state_dict_to_py(checkpoint.teacher));
  top.set(PyValue::string("optimizer"), checkpoint.optimizer.is_none() ? PyValue::dict() : checkpoint.optimizer);
  top.set(PyValue::string("epoch"), PyValue::integer(checkpoint.epoch));
  top.set(PyValue::string("args"), checkpoint.args.is_none() ? PyValue::dict() : checkpoint.args);
  if (checkpoint.center) {
    auto loss = PyValue::dict(/*ordered=*/true);
    loss.as_dict().set(PyValue::string("center"), PyValue::tensor(*checkpoint.center));
    top.set(PyValue::string("dino_loss"), loss);
  }
  if (!checkpoint.fp16_scaler.is_none()) top.set(PyValue::string("fp16_scaler"), checkpoint.fp16_scaler);
  if (!checkpoint.resume.is_none()) top.set(PyValue::string("dino_studio_resume"), checkpoint.resume);
  return file;
}

void save_training_checkpoint(const std::filesystem::path& file, const TrainingCheckpoint& checkpoint) {
  save_torch_file(file, training_checkpoint_to_py(checkpoint));
}

TrainingCheckpoint load_training_checkpoint(const std::filesystem::path& file) {
  const PyValue contents = load_torch_file(file);
  const PyDict* top = contents.attributes();
  const std::string name = file.string();
  if (!top) throw StateDictError(name + ": not a training checkpoint (holds a " + PyValue::kind_name(contents.kind()) + ")");
  auto require = [&](const char* key) -> const PyValue& {
    const PyValue* value = top->find(key);
    if (!value) throw StateDictError(name + ": not a training checkpoint: no '" + std::string(key) + "' entry");
    return *value;
  };
  TrainingCheckpoint checkpoint;
  checkpoint.student = strip_leading(state_dict_from_py(require("student"), name + "['student']"), "module.");
  checkpoint.teacher = strip_leading(state_dict_from_py(require("teacher"), name + "['teacher']"), "module.");
  try {
    checkpoint.epoch = require("epoch").as_int();
  } catch (const std::runtime_error& e) {
    throw StateDictError(name + "['epoch']: " + e.what());
  }
  if (const auto* optimizer = top->find("optimizer")) checkpoint.optimizer = *optimizer;
  if (const auto* args = top->find("args")) checkpoint.args = *args;
  if (const auto* loss = top->find("dino_loss")) {
    const PyDict* entries = loss->attributes();
    const PyValue* center = entries ? entries->find("center") : nullptr;
    if (!center || !center->is_tensor()) throw StateDictError(name + "['dino_loss'] has no 'center' tensor");
    checkpoint.center = center->as_tensor();
  }
  if (const auto* scaler = top->find("fp16_scaler")) checkpoint.fp16_scaler = *scaler;
  if (const auto* resume = top->find("dino_studio_resume")) checkpoint.resume = *resume;
  return checkpoint;
}

}  // namespace dino::io

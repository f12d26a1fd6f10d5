#include "dino/session/metric_record.h"

#include <nlohmann/json.hpp>

namespace dino {

std::string MetricRecord::to_json() const {
  nlohmann::json j;
  j["kind"] = kind == Kind::Step ? "step" : kind == Kind::Epoch ? "epoch" : "knn";
  j["epoch"] = epoch;
  j["iteration"] = iteration;
  j["step"] = step;
  if (kind != Kind::Knn) {
    j["loss"] = loss;
    j["lr"] = lr;
    j["wd"] = weight_decay;
    j["momentum"] = momentum;
    j["teacher_temp"] = teacher_temperature;
    j["teacher_entropy"] = teacher_entropy;
    j["kl"] = kl_divergence;
    j["mean_teacher_entropy"] = mean_teacher_entropy;
    j["center_norm"] = center_norm;
    j["center_mean"] = center_mean;
    j["center_std"] = center_std;
    j["center_min"] = center_min;
    j["center_max"] = center_max;
    j["images_per_second"] = images_per_second;
    j["data_time"] = data_seconds;
    j["step_time"] = step_seconds;
    j["memory"] = memory_bytes;
    if (device_memory_bytes > 0) j["device_memory"] = device_memory_bytes;
    j["steps_per_epoch"] = steps_per_epoch;
    j["epochs"] = epochs;
    j["eta"] = eta_seconds;
  }
  if (knn_top1) j["knn_top1"] = *knn_top1;
  if (knn_top5) j["knn_top5"] = *knn_top5;
  j["elapsed"] = elapsed_seconds;
  return j.dump();
}

std::optional<MetricRecord> MetricRecord::from_json(const std::string& line) {
  const auto j = nlohmann::json::parse(line, nullptr, /*allow_exceptions=*/false);
  if (!j.is_object() || !j.contains("kind") || !j["kind"].is_string()) return std::nullopt;
  MetricRecord r;
  const auto kind = j["kind"].get<std::string>();
  if (kind == "step") r.kind = Kind::Step;
  else if (kind == "epoch") r.kind = Kind::Epoch;
  else if (kind == "knn") r.kind = Kind::Knn;
  else return std::nullopt;
  auto read = [&j](const char* key, auto& field) {
    const auto found = j.find(key);
    if (found != j.end() && found->is_number()) field = found->get<std::decay_t<decltype(field)>>();
  };
  read("epoch", r.epoch);
  read("iteration", r.iteration);
  read("step", r.step);
  read("steps_per_epoch", r.steps_per_epoch);
  read("epochs", r.epochs);
  read("loss", r.loss);
  read("lr", r.lr);
  read("wd", r.weight_decay);
  read("momentum", r.momentum);
  read("teacher_temp", r.teacher_temperature);
  read("teacher_entropy", r.teacher_entropy);
  read("kl", r.kl_divergence);
  read("mean_teacher_entropy", r.mean_teacher_entropy);
  read("center_norm", r.center_norm);
  read("center_mean", r.center_mean);
  read("center_std", r.center_std);
  read("center_min", r.center_min);
  read("center_max", r.center_max);
  read("images_per_second", r.images_per_second);
  read("data_time", r.data_seconds);
  read("step_time", r.step_seconds);
  read("memory", r.memory_bytes);
  read("device_memory", r.device_memory_bytes);
  read("elapsed", r.elapsed_seconds);
  read("eta", r.eta_seconds);
  if (j.contains("knn_top1") && j["knn_top1"].is_number()) r.knn_top1 = j["knn_top1"].get<double>();
  if (j.contains("knn_top5") && j["knn_top5"].is_number()) r.knn_top5 = j["knn_top5"].get<double>();
  return r;
}

}  // namespace dino

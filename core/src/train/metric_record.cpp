#include "dino/train/metric_record.h"

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
    j["images_per_second"] = images_per_second;
  }
  if (knn_top1) j["knn_top1"] = *knn_top1;
  if (knn_top5) j["knn_top5"] = *knn_top5;
  j["elapsed"] = elapsed_seconds;
  return j.dump();
}

}  // namespace dino

#include "dino/api/training_run.h"

#include "dino/data/data_loader.h"
#include "dino/data/multi_crop.h"
#include "dino/data/open_data.h"
#include "dino/log/human_readable.h"
#include "dino/system/device.h"
#include "dino/system/device_info.h"
#include "dino/train/schedules.h"
#include "dino/session/run_options.h"
#include "dino/session/training_session.h"

#include <algorithm>
#include <cstring>
#include <sstream>
#include <thread>

namespace dino {

TrainingRun::TrainingRun(TrainingConfig config) {
  // The same checks as the app's validation before Start: the settings, then this machine.
  if (const std::string why = run_settings::problem(config); !why.empty()) throw std::invalid_argument(why);
  session_ = std::make_unique<TrainingSession>(std::move(config));
}

TrainingRun::~TrainingRun() = default;

void TrainingRun::set_listener(std::function<void(const MetricRecord&)> listener) {
  session_->set_listener(std::move(listener));
}
void TrainingRun::start() { session_->start(); }
void TrainingRun::pause() { session_->pause(); }
void TrainingRun::resume() { session_->resume(); }
void TrainingRun::request_stop() { session_->request_stop(); }
void TrainingRun::wait() { session_->wait(); }
RunState TrainingRun::state() const { return session_->state(); }
RunPhase TrainingRun::phase() const { return session_->phase(); }
std::string TrainingRun::error() const { return session_->error(); }

namespace run_settings {

std::string settings_problem(const TrainingConfig& config) {
  try {
    config.validate();
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

std::string problem(const TrainingConfig& config) {
  if (std::string why = settings_problem(config); !why.empty()) return why;
  try {
    const c10::Device device = resolve_device(config);
    // The launched processes take one GPU each (cuda:LOCAL_RANK), as TrainingSession places them.
    if (config.nproc_per_node > 1 && device.is_cuda() && (config.device == "auto" || config.device == "cuda")) {
      const auto infos = device_infos();
      const auto gpus = std::count_if(infos.begin(), infos.end(), [](const DeviceInfo& d) { return d.name != "cpu"; });
      if (config.nproc_per_node > gpus)
        return "--nproc_per_node " + std::to_string(config.nproc_per_node) + ": this machine has " +
               std::to_string(gpus) + " GPU" + (gpus == 1 ? "" : "s") +
               ", one per process; start at most that many, or train on --device cpu";
    }
  } catch (const std::exception& e) {
    return e.what();
  }
  return {};
}

std::vector<DeviceChoice> devices() {
  std::vector<DeviceChoice> choices;
  for (const auto& info : device_infos())
    choices.push_back({info.name, device_description(info), precision_choices(info)});
  return choices;
}

std::vector<std::string> precisions_for(const std::string& device) {
  try {
    return precision_choices(device_info(parse_device(device)));
  } catch (const std::invalid_argument&) {
    return {"auto", "fp32", "bf16", "fp16"};
  }
}

DataSummary scan_data(const std::string& data_path, int64_t limit_images) {
  DataSummary summary;
  try {
    const auto source = open_image_source(data_path, limit_images);
    summary.ok = source->size() > 0;
    summary.images = source->size();
    summary.classes = source->num_classes();
    summary.description = log::thousands(summary.images) + " images";
    if (summary.classes > 0) summary.description += " in " + std::to_string(summary.classes) + " classes";
    summary.mnist_layout = is_mnist_folder(resolve_data_path(data_path));
    if (summary.mnist_layout) summary.description += " (MNIST layout)";
    if (!summary.ok) summary.description = data_path + ": no images found";
  } catch (const std::exception& e) {
    summary.description = e.what();
  }
  return summary;
}

SchedulePreview preview_schedules(const TrainingConfig& c, int64_t images) {
  SchedulePreview preview;
  preview.iterations_per_epoch = batches_per_epoch(images, loader_options(c));
  if (preview.iterations_per_epoch <= 0 || c.epochs <= 0) return preview;
  // The very mapping the training session uses, so the preview is what the run will do.
  auto schedules = training_schedules(schedule_settings(trainer_options(c, preview.iterations_per_epoch, c10::kCPU)));
  preview.lr = std::move(schedules.lr);
  preview.weight_decay = std::move(schedules.weight_decay);
  preview.momentum = std::move(schedules.momentum);
  const auto per_epoch =
      teacher_temperature_schedule(c.warmup_teacher_temp, c.teacher_temp, c.warmup_teacher_temp_epochs, c.epochs);
  for (int64_t epoch = 0; epoch < c.epochs; ++epoch)
    preview.teacher_temperature.insert(preview.teacher_temperature.end(),
                                       static_cast<size_t>(preview.iterations_per_epoch),
                                       per_epoch.at(static_cast<size_t>(epoch)));
  preview.frozen_last_layer_iterations = std::min(c.freeze_last_layer, c.epochs) * preview.iterations_per_epoch;
  return preview;
}

struct CropPreviewer::State {
  std::shared_ptr<const ImageSource> source;
  MultiCropOptions options;
  LoaderOptions loading;             // the run's: its order and batches are what a step used
  mutable int64_t order_epoch = -1;  // the epoch whose sample order is cached
  mutable std::vector<int64_t> order;
};

std::string crop_preview_inputs(const TrainingConfig& config) {
  // What the constructor below reads (the data, multi_crop_options, loader_options), and nothing else.
  const TrainingConfig& c = config;
  std::ostringstream inputs;
  inputs.precision(17);
  inputs << c.data_path << '\n'
         << c.limit_images << ' ' << c.global_crops_size << ' ' << c.local_crops_size << ' ' << c.local_crops_number
         << ' ' << c.seed << ' ' << c.batch_size_per_gpu;
  for (const auto* scale : {&c.global_crops_scale, &c.local_crops_scale})
    for (double x : *scale) inputs << ' ' << x;
  return inputs.str();
}

CropPreviewer::CropPreviewer(const TrainingConfig& config) : state_(std::make_unique<State>()) {
  state_->options = multi_crop_options(config);
  state_->loading = loader_options(config);
  state_->source = open_training_images(config);
  if (state_->source->size() == 0) throw std::runtime_error(config.data_path + ": no images");
}

CropPreviewer::~CropPreviewer() = default;

int64_t CropPreviewer::size() const { return state_->source->size(); }
int64_t CropPreviewer::batch_size() const { return state_->loading.batch_size; }
int64_t CropPreviewer::steps_per_epoch() const { return batches_per_epoch(size(), state_->loading); }

namespace {

// A preview of crops drawn from one image, with what was drawn for each.
CropPreview describe(const cv::Mat& rgb, const ImageCrops& crops) {
  CropPreview preview;
  preview.original = to_rgb_image(rgb);
  for (size_t i = 0; i < crops.crops.size(); ++i) {
    const auto& p = crops.parameters[i];
    PreviewCrop crop;
    crop.image = to_rgb_image(crops.crops[i]);
    crop.global = i < 2;
    crop.box_x = p.box.x;
    crop.box_y = p.box.y;
    crop.box_width = p.box.width;
    crop.box_height = p.box.height;
    crop.flipped = p.flipped;
    crop.jittered = p.jittered;
    crop.grayscale = p.grayscale;
    crop.solarized = p.solarized;
    crop.brightness = p.brightness;
    crop.contrast = p.contrast;
    crop.saturation = p.saturation;
    crop.hue = p.hue;
    crop.jitter_order.assign(p.jitter_order.begin(), p.jitter_order.end());
    crop.blur_sigma = p.blur_sigma;
    preview.crops.push_back(std::move(crop));
  }
  return preview;
}

}  // namespace

CropPreview CropPreviewer::sample(int64_t index, uint64_t draw) const {
  const int64_t wrapped = ((index % size()) + size()) % size();
  std::mt19937_64 rng(draw);
  const cv::Mat rgb = state_->source->rgb(wrapped);
  CropPreview preview = describe(rgb, make_crops(rgb, state_->options, rng));
  preview.index = wrapped;
  return preview;
}

CropPreview CropPreviewer::at_iteration(int64_t iteration, int64_t position) const {
  const int64_t steps = steps_per_epoch();
  if (steps <= 0) throw std::runtime_error("the batch size exceeds the data set: no training steps");
  const LoaderOptions& o = state_->loading;
  if (iteration < 0 || position < 0 || position >= o.batch_size)
    throw std::invalid_argument("iteration " + std::to_string(iteration) + ", position " + std::to_string(position) +
                                ": out of range");
  const int64_t epoch = iteration / steps, step = iteration % steps;
  if (state_->order_epoch != epoch) {
    state_->order = epoch_sample_order(size(), o.seed, epoch, o.shuffle, o.rank, o.world_size);
    state_->order_epoch = epoch;
  }
  const int64_t requested = state_->order.at(static_cast<size_t>(step * o.batch_size + position));
  int64_t used = requested;
  const cv::Mat rgb = decodable_image(*state_->source, requested, &used);
  auto rng = sample_generator(o.seed, epoch, requested);
  CropPreview preview = describe(rgb, make_crops(rgb, state_->options, rng));
  preview.index = used;
  preview.iteration = iteration;
  preview.epoch = epoch;
  preview.step = step;
  preview.position = position;
  return preview;
}

}  // namespace run_settings
}  // namespace dino

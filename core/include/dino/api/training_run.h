// The training API of the desktop app, with no LibTorch, OpenCV or JSON library in its headers, so
// that Qt code compiles fast: settings travel as a TrainingConfig (its table, training_settings.h,
// drives the app's editors); a TrainingRun drives a TrainingSession on its own thread; the helpers
// say what a set of settings implies.
#pragma once

#include "dino/data/rgb_image.h"
#include "dino/session/metric_record.h"
#include "dino/session/run_state.h"
#include "dino/session/training_config.h"

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace dino {

class TrainingSession;

class TrainingRun {
 public:
  // Throws std::invalid_argument, with a message naming the flag, when the settings cannot run.
  explicit TrainingRun(TrainingConfig config);
  ~TrainingRun();  // stops at the next step boundary and joins
  TrainingRun(const TrainingRun&) = delete;
  TrainingRun& operator=(const TrainingRun&) = delete;

  // Called on the training thread for every record; set before start(). Keep it short.
  void set_listener(std::function<void(const MetricRecord&)> listener);
  void start();
  void pause();
  void resume();
  void request_stop();  // finishes the step and writes a checkpoint that resumes there
  void wait();
  RunState state() const;
  RunPhase phase() const;     // what it is doing while it runs
  std::string error() const;  // what went wrong, once state() is Failed

 private:
  std::unique_ptr<TrainingSession> session_;
};

namespace run_settings {

// Empty when the settings can run here; otherwise the reason, naming the flag (validate() and
// resolve_device()).
std::string problem(const TrainingConfig& config);
// Empty when the settings themselves are sound (validate() only), whatever machine runs them: for a
// run on a server, whose devices are its own.
std::string settings_problem(const TrainingConfig& config);

// The compute devices for a menu: the CPU ("Intel(R) Xeon(R), 2 cores, 23.4 GiB"), then each CUDA GPU
// ("cuda:0: NVIDIA H200, 139.8 GiB, compute 9.0"), with the --precision values that fit each.
struct DeviceChoice {
  std::string name, description;
  std::vector<std::string> precisions;
};
std::vector<DeviceChoice> devices();
// The --precision values for a --device value ("auto": the device it picks); all four when the
// device is not one of this machine's.
std::vector<std::string> precisions_for(const std::string& device);

// What a data path holds, found by scanning it (slow for big folders: call it off the GUI thread).
struct DataSummary {
  bool ok = false;
  int64_t images = 0;
  int64_t classes = 0;
  bool mnist_layout = false;  // Fashion-MNIST's or MNIST's idx files rather than image files
  std::string description;    // "60,000 images in 10 classes (MNIST layout)" or the error
};
DataSummary scan_data(const std::string& data_path, int64_t limit_images = 0);

// The per-iteration schedules the settings imply for `iterations_per_epoch` steps per epoch.
struct SchedulePreview {
  int64_t iterations_per_epoch = 0;
  std::vector<double> lr, weight_decay, momentum, teacher_temperature;  // one per iteration
  int64_t frozen_last_layer_iterations = 0;  // the last layer does not train before this iteration
};
SchedulePreview preview_schedules(const TrainingConfig& config, int64_t images);

// The multi-crop augmentation of the settings on one image of their data, as 8-bit images with
// what was drawn: for the app's crop previews.
using PreviewImage = RgbImage;
struct PreviewCrop {
  PreviewImage image;
  bool global = false;
  int box_x = 0, box_y = 0, box_width = 0, box_height = 0;  // in the original's pixels
  bool flipped = false, jittered = false, grayscale = false, solarized = false;
  double brightness = 1, contrast = 1, saturation = 1, hue = 0;
  std::vector<int> jitter_order;  // 0 brightness, 1 contrast, 2 saturation, 3 hue
  double blur_sigma = 0;          // 0: not blurred
};
struct CropPreview {
  int64_t index = 0;                          // the data set's image
  int64_t iteration = -1;                     // the training step whose batch held it; -1 for a random draw
  int64_t epoch = 0, step = 0, position = 0;  // that step's epoch, step in the epoch, place in the batch
  PreviewImage original;
  std::vector<PreviewCrop> crops;  // global 1, global 2, local 1..N
};

// The values of the settings a CropPreviewer reads (the data, the crops, the seed, the batch), as
// one string: a preview needs to be opened again only when it changes.
std::string crop_preview_inputs(const TrainingConfig& config);

// Opens the data set once; sample() may then be called from any one thread at a time.
class CropPreviewer {
 public:
  // Throws std::runtime_error for data that cannot be opened.
  explicit CropPreviewer(const TrainingConfig& config);
  ~CropPreviewer();
  int64_t size() const;
  int64_t batch_size() const;
  int64_t steps_per_epoch() const;  // as the run's loader: drop_last
  // Image `index` (modulo the size), augmented with a generator seeded from `draw`. Throws
  // std::runtime_error naming the file when the image cannot be decoded.
  CropPreview sample(int64_t index, uint64_t draw) const;
  // The `position`-th sample of training iteration `iteration`'s batch with the very crops the run
  // trained on: the loader's per-epoch order and per-sample generators from --seed.
  CropPreview at_iteration(int64_t iteration, int64_t position = 0) const;

 private:
  struct State;
  std::unique_ptr<State> state_;
};

}  // namespace run_settings
}  // namespace dino

// video_generation.py's three steps (reference.md §4.2): frames out of the video as JPEG files,
// the mean over the heads of each frame's attention as a picture, and the pictures back into a
// video at the source's frame rate. Where the reference computes the threshold masks and throws
// them away (its issue #118), --threshold here shows them: the share of heads whose kept patches
// cover each patch.
#include "attention_video.h"

#include "cli_support.h"

#include <dino/data/image_files.h>
#include <dino/log/human_readable.h>
#include <dino/log/log.h>
#include <dino/viz/attention_images.h>

#include <opencv2/imgcodecs.hpp>
#include <opencv2/imgproc.hpp>
#include <opencv2/videoio.hpp>
#include <torch/torch.h>

#include <algorithm>

namespace dino::cli {
namespace {

namespace fs = std::filesystem;

// frame-0000.jpg as the reference names them, with more digits when the video needs them so that
// the names still sort in order.
std::string frame_name(int64_t index, size_t digits) {
  std::string number = std::to_string(index);
  if (number.size() < digits) number.insert(0, digits - number.size(), '0');
  return "frame-" + number + ".jpg";
}

// Writes every frame of `video` into `folder`; returns the files in order and the video's frame rate.
std::vector<fs::path> extract_frames(const fs::path& video, const fs::path& folder, double* fps) {
  cv::VideoCapture capture(video.string());
  if (!capture.isOpened())
    throw std::runtime_error(video.string() +
                             ": OpenCV cannot read this as a video (it reads what its FFmpeg backend decodes: mp4, "
                             "avi, mkv, webm, ...); a folder of frames works as well");
  *fps = capture.get(cv::CAP_PROP_FPS);
  const auto expected = static_cast<int64_t>(capture.get(cv::CAP_PROP_FRAME_COUNT));
  // Four digits as the reference names them, more when the video says it has more frames; six when
  // it does not say (streams), so that the names still sort in order.
  const size_t digits = expected > 0 ? std::max<size_t>(4, std::to_string(expected - 1).size()) : 6;
  fs::create_directories(folder);
  std::vector<fs::path> frames;
  cv::Mat frame;
  while (capture.read(frame)) {
    if (frame.empty()) break;
    const fs::path file = folder / frame_name(static_cast<int64_t>(frames.size()), digits);
    if (!cv::imwrite(file.string(), frame)) throw std::runtime_error(file.string() + ": cannot write this frame");
    frames.push_back(file);
  }
  if (frames.empty()) throw std::runtime_error(video.string() + ": the video has no frame OpenCV can decode");
  if (expected > 0 && static_cast<int64_t>(frames.size()) < expected - 1)
    log::warn(video.string() + ": decoded " + std::to_string(frames.size()) + " of the " + std::to_string(expected) +
              " frames the file announces; the rest could not be read");
  log::info(video.string() + ": " + log::thousands(static_cast<int64_t>(frames.size())) + " frames at " +
            log::fixed(*fps, 2) + " fps, written to " + folder.string());
  return frames;
}

std::vector<fs::path> attention_pictures_in(const fs::path& folder);

// The picture of one frame: the mean of the heads (inferno by default, as plt.imsave draws it), or
// with a threshold the share of heads keeping each patch.
cv::Mat attention_picture(const AttentionModel& model, const fs::path& frame, const AttentionRequest& request,
                          const AttentionLimits& limits) {
  const AttentionView view = model.compute(frame.string(), request, limits);
  if (!view.note.empty()) log::info(frame.string() + ": " + view.note);
  if (request.threshold <= 0) return to_mat(view.mean_picture);
  auto kept = torch::zeros({view.grid_h, view.grid_w});
  for (const auto& mask : view.masks)
    kept += torch::from_blob(const_cast<unsigned char*>(mask.data()), {view.grid_h, view.grid_w}, torch::kUInt8)
                .to(torch::kFloat);
  kept /= static_cast<double>(view.masks.size());
  return colorize_map(kept, parse_color_map(request.color_map), view.patch_size, 0.0, 1.0);
}

std::vector<fs::path> draw_frames(const std::vector<fs::path>& frames, const fs::path& folder,
                                  const AttentionModel& model, const AttentionRequest& request,
                                  const AttentionLimits& limits) {
  fs::create_directories(folder);
  // Pictures of an earlier, longer video in this folder would end up in a later --video_only.
  size_t stale = 0;
  for (const auto& old : attention_pictures_in(folder)) stale += fs::remove(old) ? 1 : 0;
  if (stale) log::info(folder.string() + ": " + std::to_string(stale) + " earlier attn-*.jpg pictures removed");
  std::vector<fs::path> pictures;
  ProgressLog progress;
  size_t unreadable = 0;
  for (size_t i = 0; i < frames.size(); ++i) {
    cv::Mat rgb;
    try {
      rgb = attention_picture(model, frames[i], request, limits);
    } catch (const AttentionRefused& e) {
      throw std::runtime_error(frames[i].string() + ": " + e.what() +
                               "; pass --resize, or raise --time_limit (seconds) or --memory_limit (GiB)");
    } catch (const std::runtime_error& e) {
      // A broken frame in a folder: the video goes on without it, as a player would skip it.
      log::warn(std::string(e.what()) + "; this frame is left out");
      ++unreadable;
      continue;
    }
    cv::Mat bgr;
    cv::cvtColor(rgb, bgr, cv::COLOR_RGB2BGR);
    const fs::path file = folder / ("attn-" + frames[i].stem().string() + ".jpg");
    if (!cv::imwrite(file.string(), bgr, {cv::IMWRITE_JPEG_QUALITY, 95}))
      throw std::runtime_error(file.string() + ": cannot write this picture");
    pictures.push_back(file);
    if (progress.due(static_cast<int64_t>(i + 1), static_cast<int64_t>(frames.size()))) {
      const double seconds = progress.seconds();
      const double left = seconds / static_cast<double>(i + 1) * static_cast<double>(frames.size() - i - 1);
      log::info("attention of frame " + std::to_string(i + 1) + " of " + std::to_string(frames.size()) + ", " +
                log::fixed(seconds, 1) + " s so far" +
                (i + 1 < frames.size() ? ", about " + log::fixed(left, 0) + " s left" : std::string()));
    }
  }
  if (pictures.empty())
    throw std::runtime_error("none of the " + std::to_string(frames.size()) + " frames could be read");
  if (unreadable) log::warn(std::to_string(unreadable) + " of " + std::to_string(frames.size()) + " frames left out");
  return pictures;
}

// The video, written under a temporary name and renamed, so a failure leaves no half-written file.
// Pictures of another size than the first are scaled to it: VideoWriter drops them silently.
fs::path encode_video(const std::vector<fs::path>& pictures, const fs::path& output_dir, const std::string& format,
                      double fps) {
  const cv::Mat first = cv::imread(pictures.front().string(), cv::IMREAD_COLOR);
  if (first.empty()) throw std::runtime_error(pictures.front().string() + ": cannot read this picture");
  const int fourcc =
      format == "mp4" ? cv::VideoWriter::fourcc('m', 'p', '4', 'v') : cv::VideoWriter::fourcc('X', 'V', 'I', 'D');
  const fs::path target = output_dir / ("video." + format);
  const fs::path partial = output_dir / ("video.partial." + format);  // the extension picks the container
  fs::create_directories(output_dir);
  cv::VideoWriter writer(partial.string(), fourcc, fps, first.size());
  if (!writer.isOpened())
    throw std::runtime_error(target.string() + ": this OpenCV cannot encode --video_format " + format +
                             (format == "mp4" ? " (FourCC mp4v); try --video_format avi" : " (FourCC XVID)"));
  bool resized = false;
  for (const auto& picture : pictures) {
    cv::Mat image = cv::imread(picture.string(), cv::IMREAD_COLOR);
    if (image.empty()) {
      writer.release();
      fs::remove(partial);
      throw std::runtime_error(picture.string() + ": cannot read this picture");
    }
    if (image.size() != first.size()) {
      if (!resized)
        log::warn(picture.string() + ": " + std::to_string(image.cols) + "x" + std::to_string(image.rows) +
                  ", not the first picture's " + std::to_string(first.cols) + "x" + std::to_string(first.rows) +
                  "; such pictures are scaled to it");
      resized = true;
      cv::resize(cv::Mat(image), image, first.size(), 0, 0, cv::INTER_AREA);
    }
    writer.write(image);
  }
  writer.release();
  fs::rename(partial, target);
  log::info(target.string() + ": " + std::to_string(pictures.size()) +
            (pictures.size() == 1 ? " frame of " : " frames of ") + std::to_string(first.cols) + "x" +
            std::to_string(first.rows) + " at " + log::fixed(fps, 2) + " fps");
  return target;
}

std::vector<fs::path> attention_pictures_in(const fs::path& folder) {
  std::vector<fs::path> pictures;
  for (const auto& file : image_files_in(folder)) {
    const std::string name = file.filename().string();
    if (name.rfind("attn-", 0) == 0 && file.extension() == ".jpg") pictures.push_back(file);
  }
  std::sort(pictures.begin(), pictures.end());
  return pictures;
}

}  // namespace

void run_attention_video(const VideoOptions& o, const AttentionModel* model, const AttentionRequest& request,
                         const AttentionLimits& limits) {
  if (o.format != "mp4" && o.format != "avi") throw UsageError("--video_format must be mp4 or avi, got " + o.format);
  if (o.fps && !(*o.fps > 0)) throw UsageError("--fps must be positive");
  std::error_code ec;
  if (!fs::exists(o.input, ec)) throw std::runtime_error(o.input.string() + ": no such file or folder");
  const bool folder = fs::is_directory(o.input, ec);
  if (o.video_only) {
    if (!folder) throw UsageError("--video_only takes a folder of attn-*.jpg pictures, not " + o.input.string());
    const auto pictures = attention_pictures_in(o.input);
    if (pictures.empty()) throw std::runtime_error(o.input.string() + ": no attn-*.jpg pictures in this folder");
    encode_video(pictures, o.output_dir, o.format, o.fps.value_or(30.0));
    return;
  }
  double fps = 30.0;
  std::vector<fs::path> frames;
  if (folder) {
    frames = image_files_in(o.input);
    std::sort(frames.begin(), frames.end());
    if (frames.empty()) throw std::runtime_error(o.input.string() + ": no images in this folder");
  } else {
    frames = extract_frames(o.input, o.output_dir / "frames", &fps);
    if (!(fps > 0)) {
      log::warn(o.input.string() + ": the video does not say its frame rate; 30 fps is used");
      fps = 30.0;
    }
  }
  if (o.fps) fps = *o.fps;
  const auto pictures = draw_frames(frames, o.output_dir / "attention", *model, request, limits);
  encode_video(pictures, o.output_dir, o.format, fps);
}

}  // namespace dino::cli

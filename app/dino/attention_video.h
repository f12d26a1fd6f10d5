// `dino attention --video`: video_generation.py (reference.md §4.2). The frames of a video (or a
// folder of frames), the mean of the heads' attention of each as a picture, and those pictures
// encoded as a video.
#pragma once

#include <dino/api/attention_model.h>

#include <filesystem>
#include <optional>
#include <string>

namespace dino::cli {

struct VideoOptions {
  std::filesystem::path input;       // a video file, a folder of frames, or (video_only) of attn-*.jpg
  std::filesystem::path output_dir;  // frames/, attention/ and video.<format> go here
  std::optional<double> fps;         // none: the source video's, or 30 for folders (the reference's)
  std::string format = "mp4";        // mp4 (FourCC MP4V) or avi (XVID)
  bool video_only = false;           // encode existing attn-*.jpg pictures, no model
};

// Throws UsageError for bad flags and std::runtime_error naming the file for unreadable input or
// an encoder OpenCV lacks. `model` may be null with video_only.
void run_attention_video(const VideoOptions& options, const AttentionModel* model, const AttentionRequest& request,
                         const AttentionLimits& limits);

}  // namespace dino::cli

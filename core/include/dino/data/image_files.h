// Which files in a folder are images, as the data sets and the attention tools list them. No
// LibTorch or OpenCV here: the desktop app's widgets use it too.
#pragma once

#include <filesystem>
#include <vector>

namespace dino {

// torchvision's IMG_EXTENSIONS, matched without regard to case.
bool has_image_extension(const std::filesystem::path& file);

// Names starting with '.', which the data sets skip.
bool is_hidden(const std::filesystem::path& path);

// The image files in `folder` (and its sub-folders when `recursive`), hidden entries skipped,
// sorted; empty when there are none or the folder cannot be read.
std::vector<std::filesystem::path> image_files_in(const std::filesystem::path& folder, bool recursive = false);

}  // namespace dino

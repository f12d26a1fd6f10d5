// How an attention figure was made, written beside it as `figure.json` by both `dino attention`
// and the desktop app: the weights and their SHA-256, the model, the layer, heads, query,
// threshold, image, colour map, the app version, and the `dino attention` line that makes it again.
#pragma once

#include "dino/viz/attention_view.h"

#include <filesystem>
#include <string>
#include <vector>

namespace dino {

struct FigureProvenance {
  std::string weights;         // the weights file; empty for random weights
  std::string weights_sha256;  // of that file
  std::string checkpoint_key = "teacher";
  std::string model;  // AttentionModel::description()
  std::string arch;   // vit_small, ... or custom
  int patch_size = 0;
  int layer = -1;
  int heads = 0;
  int query = 0;         // 0: CLS; 1 + k: patch k
  double threshold = 0;  // 0: no masks
  bool rollout = false;
  bool pca = false;
  std::string image;                      // the image file, or a name for a pasted one
  bool image_is_file = true;              // false for pasted or dropped pictures: no --image_path to give
  std::vector<int> image_size;            // as --image_size
  int input_height = 0, input_width = 0;  // what the model saw
  std::string color_map = "viridis";
  double opacity = 1.0;  // of the map over the image (the command line draws the map alone)
  bool shared_scale = false;
  bool without_limits = false;  // computed past the attention limits (the app's Compute Anyway)
  // The model beside this one, when the figure compares two (a checkpoint's student, or another
  // run's teacher): its weights file, their SHA-256 and the key; all empty otherwise.
  std::string compared_weights, compared_weights_sha256, compared_checkpoint_key;
  std::string app_version;
  std::vector<std::string> files;  // what was written beside the sidecar
};

// A request's settings (query, threshold, rollout, PCA, sizes, colour map, shared scale) and what
// its view came out as (patch, layer, heads, input size), into `figure`.
void describe_request(FigureProvenance& figure, const AttentionRequest& request);
void describe_view(FigureProvenance& figure, const AttentionView& view);

// The `dino attention` line that computes the same maps (random weights cannot be redrawn: the
// line then names the architecture only).
std::string attention_command_line(const FigureProvenance& figure);

// The sidecar as pretty-printed JSON, the command line included.
std::string figure_sidecar_json(const FigureProvenance& figure);

// Writes the sidecar atomically; throws std::runtime_error naming the file when it cannot.
void write_figure_sidecar(const FigureProvenance& figure, const std::filesystem::path& file);

// The SHA-256 of a file as 64 lower-case hex digits (OpenSSL); throws std::runtime_error naming
// the file when it cannot be read.
std::string sha256_of_file(const std::filesystem::path& file);

// The folder each image's figures go to when several images are drawn at once (`dino attention` on
// a folder, the app's folder export): the file's stem, or for a later file with a stem already
// taken its whole name with the dots as dashes ("a.png" -> "a", then "a.jpg" -> "a-jpg"), and a
// counter if even that is taken. Distinct for distinct files, in the order given.
std::vector<std::string> figure_folder_names(const std::vector<std::filesystem::path>& images);

}  // namespace dino

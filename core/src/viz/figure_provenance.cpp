#include "dino/viz/figure_provenance.h"

#include "dino/io/atomic_file.h"
#include "dino/log/human_readable.h"

#include <nlohmann/json.hpp>
#include <openssl/evp.h>

#include <algorithm>
#include <array>
#include <fstream>
#include <memory>
#include <set>
#include <sstream>
#include <stdexcept>

namespace dino {
namespace {

// A float as a command line takes it: 0.6, not 0.600000.
std::string number_word(double value) {
  std::ostringstream out;
  out << value;
  return out.str();
}

}  // namespace

void describe_request(FigureProvenance& figure, const AttentionRequest& request) {
  figure.query = request.query;
  figure.threshold = request.threshold;
  figure.rollout = request.rollout;
  figure.pca = request.pca;
  figure.image_size = request.image_size;
  figure.color_map = request.color_map;
  figure.shared_scale = request.shared_scale;
}

void describe_view(FigureProvenance& figure, const AttentionView& view) {
  figure.patch_size = view.patch_size;
  figure.layer = view.layer;
  figure.heads = view.heads;
  figure.input_height = view.input.height;
  figure.input_width = view.input.width;
}

std::string attention_command_line(const FigureProvenance& f) {
  std::vector<std::string> words{"dino", "attention"};
  if (f.weights.empty()) {
    words.insert(words.end(), {"--random_weights", "--arch", f.arch, "--patch_size", std::to_string(f.patch_size)});
  } else {
    words.insert(words.end(), {"--pretrained_weights", log::shell_word(f.weights)});
    if (f.checkpoint_key != "teacher")
      words.insert(words.end(), {"--checkpoint_key", log::shell_word(f.checkpoint_key)});
  }
  if (!f.image.empty() && f.image_is_file) words.insert(words.end(), {"--image_path", log::shell_word(f.image)});
  // Always the size, even the model's default: "0" is the original size, which the default is not.
  words.emplace_back("--image_size");
  if (f.image_size.empty()) words.emplace_back("0");
  for (int side : f.image_size) words.push_back(std::to_string(side));
  words.insert(words.end(), {"--layer", std::to_string(f.layer)});
  if (f.query > 0) words.insert(words.end(), {"--query_patch", std::to_string(f.query - 1)});
  if (f.threshold > 0) words.insert(words.end(), {"--threshold", number_word(f.threshold)});
  if (f.rollout) words.emplace_back("--rollout");
  if (f.pca) words.emplace_back("--pca");
  if (f.shared_scale) words.emplace_back("--shared_scale");
  if (f.without_limits) words.insert(words.end(), {"--time_limit", "0", "--memory_limit", "0"});
  words.insert(words.end(), {"--color_map", log::shell_word(f.color_map), "--save_raw"});
  std::string line;
  for (const auto& word : words) line += (line.empty() ? "" : " ") + word;
  return line;
}

std::string figure_sidecar_json(const FigureProvenance& f) {
  nlohmann::ordered_json j;
  j["weights"] = f.weights.empty() ? "random" : f.weights;
  j["weights_sha256"] = f.weights_sha256;
  j["checkpoint_key"] = f.weights.empty() ? nlohmann::ordered_json() : nlohmann::ordered_json(f.checkpoint_key);
  j["model"] = f.model;
  j["arch"] = f.arch;
  j["patch_size"] = f.patch_size;
  j["layer"] = f.layer;
  j["heads"] = f.heads;
  j["query"] = f.query == 0 ? std::string("cls") : "patch " + std::to_string(f.query - 1);
  j["threshold"] = f.threshold > 0 ? nlohmann::ordered_json(f.threshold) : nlohmann::ordered_json();
  j["rollout"] = f.rollout;
  j["pca"] = f.pca;
  j["image"] = f.image;
  j["image_size"] = f.image_size;
  j["input_size"] = {f.input_height, f.input_width};
  j["color_map"] = f.color_map;
  j["opacity"] = f.opacity;
  j["shared_scale"] = f.shared_scale;
  if (!f.compared_weights.empty())
    j["compared_with"] = {{"weights", f.compared_weights},
                          {"weights_sha256", f.compared_weights_sha256},
                          {"checkpoint_key", f.compared_checkpoint_key}};
  j["app_version"] = f.app_version;
  j["command_line"] = attention_command_line(f);
  j["files"] = f.files;
  return j.dump(2) + "\n";
}

void write_figure_sidecar(const FigureProvenance& figure, const std::filesystem::path& file) {
  const std::string text = figure_sidecar_json(figure);
  io::write_atomically(file, [&](std::ostream& out) { out << text; });
}

std::string sha256_of_file(const std::filesystem::path& file) {
  std::ifstream in(file, std::ios::binary);
  if (!in) throw std::runtime_error(file.string() + ": cannot be read to hash it");
  std::unique_ptr<EVP_MD_CTX, decltype(&EVP_MD_CTX_free)> context(EVP_MD_CTX_new(), &EVP_MD_CTX_free);
  if (!context || EVP_DigestInit_ex(context.get(), EVP_sha256(), nullptr) != 1)
    throw std::runtime_error("SHA-256 is not available from OpenSSL");
  std::array<char, 1 << 16> buffer{};
  while (in) {
    in.read(buffer.data(), buffer.size());
    if (in.gcount() > 0) EVP_DigestUpdate(context.get(), buffer.data(), static_cast<size_t>(in.gcount()));
  }
  if (in.bad()) throw std::runtime_error(file.string() + ": read error while hashing");
  std::array<unsigned char, EVP_MAX_MD_SIZE> digest{};
  unsigned int length = 0;
  EVP_DigestFinal_ex(context.get(), digest.data(), &length);
  static const char* hex = "0123456789abcdef";
  std::string text;
  for (unsigned int i = 0; i < length; ++i) {
    text += hex[digest[i] >> 4];
    text += hex[digest[i] & 15];
  }
  return text;
}

std::vector<std::string> figure_folder_names(const std::vector<std::filesystem::path>& images) {
  std::vector<std::string> names;
  std::set<std::string> used;
  for (const auto& image : images) {
    std::string name = image.stem().string();
    if (used.count(name)) {
      name = image.filename().string();
      std::replace(name.begin(), name.end(), '.', '-');
    }
    const std::string base = name;
    for (int n = 2; used.count(name); ++n) name = base + "-" + std::to_string(n);
    used.insert(name);
    names.push_back(name);
  }
  return names;
}

}  // namespace dino

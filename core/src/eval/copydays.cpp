#include "dino/eval/copydays.h"

#include "dino/eval/retrieval_map.h"

#include <algorithm>
#include <stdexcept>

namespace dino {
namespace {

namespace fs = std::filesystem;

std::vector<fs::path> jpg_files(const fs::path& folder) {
  std::vector<fs::path> files;
  for (const auto& entry : fs::directory_iterator(folder))
    if (entry.is_regular_file() && entry.path().extension() == ".jpg") files.push_back(entry.path());
  std::sort(files.begin(), files.end(),
            [](const fs::path& a, const fs::path& b) { return a.filename() < b.filename(); });
  return files;
}

}  // namespace

CopydaysLayout read_copydays(const fs::path& folder) {
  std::vector<std::string> names{"original", "strong"};
  for (int q : {3, 5, 8, 10, 15, 20, 30, 50, 75}) names.push_back("jpegqual/" + std::to_string(q));
  for (int p : {10, 15, 20, 30, 40, 50, 60, 70, 80}) names.push_back("crops/" + std::to_string(p));
  CopydaysLayout layout;
  layout.folder = folder;
  std::error_code ec;
  if (!fs::is_directory(folder / "original", ec))
    throw std::runtime_error((folder / "original").string() +
                             ": no such folder (the Copydays layout: original/, strong/, "
                             "jpegqual/Q/, crops/P/)");
  std::vector<fs::path> originals;
  for (const auto& name : names) {
    const fs::path dir = folder / name;
    if (!fs::is_directory(dir, ec)) {
      layout.missing.push_back(name);
      continue;
    }
    CopydaysBlock block;
    block.name = name;
    block.files = jpg_files(dir);
    if (name == "original") {
      if (block.files.empty()) throw std::runtime_error(dir.string() + ": no .jpg images");
      originals = block.files;
    } else if (block.files.empty()) {
      layout.missing.push_back(name);
      continue;
    }
    for (size_t i = 0; i < block.files.size(); ++i) {
      if (name == "strong") {
        const std::string prefix = block.files[i].filename().string().substr(0, 4);
        std::vector<int64_t> positives;
        for (size_t j = 0; j < originals.size(); ++j)
          if (originals[j].filename().string().substr(0, 4) == prefix) positives.push_back(static_cast<int64_t>(j));
        block.positives.push_back(std::move(positives));
      } else {
        block.positives.push_back({static_cast<int64_t>(i)});
      }
    }
    if (name != "strong" && block.files.size() != originals.size())
      throw std::runtime_error(dir.string() + ": " + std::to_string(block.files.size()) +
                               " images where original/ has " + std::to_string(originals.size()) +
                               " (each is the copy of the original at its place)");
    layout.blocks.push_back(std::move(block));
  }
  return layout;
}

double copy_detection_ap(const std::vector<int64_t>& ranked, const std::vector<int64_t>& positives) {
  if (positives.empty()) return 0.0;
  std::vector<int64_t> hits;
  for (size_t rank = 0; rank < ranked.size(); ++rank)
    if (std::find(positives.begin(), positives.end(), ranked[rank]) != positives.end())
      hits.push_back(static_cast<int64_t>(rank));
  return average_precision(hits, static_cast<int64_t>(positives.size()));
}

}  // namespace dino

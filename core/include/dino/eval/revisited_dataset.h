// The revisited Oxford and Paris datasets as eval_image_retrieval.py reads them (reference.md
// §5.3): <data_path>/<dataset>/gnd_<dataset>.pkl names the database images (imlist) and the
// queries (qimlist), and per query its bounding box and easy, hard and junk database images;
// the pictures are <data_path>/<dataset>/jpg/<name>.jpg.
#pragma once

#include "dino/eval/retrieval_map.h"

#include <array>
#include <filesystem>
#include <string>
#include <vector>

namespace dino {

struct RevisitedDataset {
  std::string name;                                // roxford5k or rparis6k
  std::filesystem::path ground_truth_file;         // gnd_<name>.pkl
  std::filesystem::path image_folder;              // jpg/
  std::vector<std::string> database, queries;      // names without .jpg
  std::vector<RevisitedQuery> ground_truth;        // one per query
  std::vector<std::array<double, 4>> query_boxes;  // x1, y1, x2, y2 in the query's pixels

  std::filesystem::path database_image(size_t i) const { return image_folder / (database[i] + ".jpg"); }
  std::filesystem::path query_image(size_t i) const { return image_folder / (queries[i] + ".jpg"); }
};

// Reads the ground truth (lists or numpy arrays, any pickle protocol up to 5 without out-of-band
// buffers; nothing in the file is run). Throws std::runtime_error naming the file and the key when
// it is missing or malformed, or when an index points outside imlist.
RevisitedDataset read_revisited_dataset(const std::filesystem::path& data_path, const std::string& dataset);

}  // namespace dino

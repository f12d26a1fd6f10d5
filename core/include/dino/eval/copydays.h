// The Copydays copy-detection benchmark as eval_copy_detection.py lays it out and scores it
// (reference.md §5.4): query blocks under the data folder (original, strong, jpegqual/Q, crops/P),
// the originals as the database (with distractors appended), and per block the mean over its
// queries of the average precision of the originals that are copies of it, counted within the
// first k results. No LibTorch here.
#pragma once

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

namespace dino {

struct CopydaysBlock {
  std::string name;                             // "original", "strong", "jpegqual/50", "crops/40"
  std::vector<std::filesystem::path> files;     // its .jpg files, sorted by name
  std::vector<std::vector<int64_t>> positives;  // per query, the originals it copies
};

struct CopydaysLayout {
  std::filesystem::path folder;
  std::vector<CopydaysBlock> blocks;  // those present, in the reference's order; original first
  std::vector<std::string> missing;   // the reference's blocks this folder lacks
};

// Reads the blocks. A transformed block (jpegqual/Q, crops/P) maps its i-th file to the i-th
// original, so it must have as many files; a strong copy's originals are those whose file names
// share its first four characters. Throws std::runtime_error naming the folder or block when
// original/ is missing or empty, or a block's count differs.
CopydaysLayout read_copydays(const std::filesystem::path& folder);

// Average precision of one query from its ranked database indices (the first k of them, as the
// reference keeps the top 20): the Holidays package's trapezoids, over the positives found there,
// divided by all its positives; 0 for a query without positives.
double copy_detection_ap(const std::vector<int64_t>& ranked, const std::vector<int64_t>& positives);

}  // namespace dino

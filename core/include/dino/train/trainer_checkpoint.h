// A trainer's whole state in the reference's checkpoint layout (reference.md §1.9, §8.2) and back,
// with where in the run it was taken, so that a resumed run continues exactly: student, teacher,
// optimizer, centre, gradient scaler, plus ours (the step within the epoch, the CPU RNG state).
#pragma once

#include "dino/io/py_value.h"
#include "dino/train/dino_trainer.h"

#include <cstdint>
#include <filesystem>
#include <string>

namespace dino {

// Where a run continues: epoch `epoch`, step `step` of it.
struct RunPosition {
  int64_t epoch = 0;
  int64_t step = 0;
  // The processes that trained it: a step within an epoch counts batches of that many ranks.
  int64_t world_size = 1;
};

// `optimizer` is the --optimizer the trainer was built with; `args` the run's settings as stored
// under 'args'. Written atomically: a crash leaves the previous file.
void save_trainer_checkpoint(DinoTrainer& trainer, const std::string& optimizer, const io::PyValue& args,
                             RunPosition next, const std::filesystem::path& file);

// Loads `file` into the trainer (strictly: every key must fit) and returns where to continue.
// Throws std::runtime_error naming the file and what does not fit.
RunPosition load_trainer_checkpoint(DinoTrainer& trainer, const std::string& optimizer,
                                    const std::filesystem::path& file);

}  // namespace dino

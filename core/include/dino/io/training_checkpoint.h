// The reference's training checkpoint (checkpoint.pth, reference.md §1.9 and §8.2), read and written.
#pragma once

#include "dino/io/state_dict.h"

#include <optional>

namespace dino::io {

struct TrainingCheckpoint {
  StateDict student;      // MultiCropWrapper keys (backbone.*, head.*), without DDP's "module."
  StateDict teacher;      // same keys
  PyValue optimizer;      // the optimizer's state dict as stored ({'state', 'param_groups'})
  int64_t epoch = 0;      // the next epoch to run
  PyValue args;           // our runs store a dict; a reference file's argparse.Namespace stays inert
  std::optional<torch::Tensor> center;  // dino_loss.center, (1, K)
  PyValue fp16_scaler;    // GradScaler state, None when absent
  PyValue resume;         // ours: what exact resume needs beyond the reference (None when absent)
};

// Student keys are written with "module." in front and the teacher's without, as a one-process
// DDP run of the reference writes them, so the reference's tools take the file unchanged.
PyValue training_checkpoint_to_py(const TrainingCheckpoint& checkpoint);
void save_training_checkpoint(const std::filesystem::path& file, const TrainingCheckpoint& checkpoint);

// Reads ours and the reference's. dino_loss and fp16_scaler are optional (older released files
// lack them). Throws FileFormatError / StateDictError naming the file and key.
TrainingCheckpoint load_training_checkpoint(const std::filesystem::path& file);

}  // namespace dino::io

#include "dino/train/trainer_checkpoint.h"

#include "dino/io/state_dict.h"
#include "dino/io/training_checkpoint.h"
#include "dino/train/optimizer_state.h"

#include <ATen/CPUGeneratorImpl.h>
#include <ATen/core/Generator.h>
#include <torch/torch.h>

#include <mutex>

namespace dino {

void save_trainer_checkpoint(DinoTrainer& trainer, const std::string& optimizer, const io::PyValue& args,
                             RunPosition next, const std::filesystem::path& file) {
  io::TrainingCheckpoint checkpoint;
  checkpoint.student = io::module_state_dict(*trainer.student);
  checkpoint.teacher = io::module_state_dict(*trainer.teacher);
  checkpoint.optimizer = optimizer_state_to_py(trainer.optimizer(), optimizer);
  checkpoint.epoch = next.epoch;
  checkpoint.args = args;
  checkpoint.center = trainer.loss->center;
  if (trainer.grad_scaler()) checkpoint.fp16_scaler = trainer.grad_scaler()->state_dict();
  auto resume = io::PyValue::dict();
  resume.as_dict().set(io::PyValue::string("step"), io::PyValue::integer(next.step));
  resume.as_dict().set(io::PyValue::string("world_size"), io::PyValue::integer(next.world_size));
  resume.as_dict().set(io::PyValue::string("torch_rng_state"),
                       io::PyValue::tensor(at::detail::getDefaultCPUGenerator().get_state()));
  checkpoint.resume = resume;
  io::save_training_checkpoint(file, checkpoint);
}

RunPosition load_trainer_checkpoint(DinoTrainer& trainer, const std::string& optimizer,
                                    const std::filesystem::path& file) {
  auto checkpoint = io::load_training_checkpoint(file);
  io::load_state_dict(*trainer.student, checkpoint.student, /*strict=*/true, file.string() + "['student']");
  io::load_state_dict(*trainer.teacher, checkpoint.teacher, /*strict=*/true, file.string() + "['teacher']");
  if (checkpoint.center) trainer.loss->center.copy_(*checkpoint.center);
  restore_optimizer_state(trainer.optimizer(), optimizer, checkpoint.optimizer);
  if (trainer.grad_scaler() && !checkpoint.fp16_scaler.is_none())
    trainer.grad_scaler()->load_state_dict(checkpoint.fp16_scaler);
  RunPosition position{checkpoint.epoch, 0};
  if (const io::PyDict* resume = checkpoint.resume.attributes()) {
    if (const auto* step = resume->find("step")) position.step = step->as_int();
    if (const auto* world = resume->find("world_size")) position.world_size = world->as_int();
    if (const auto* rng = resume->find("torch_rng_state")) {
      auto generator = at::detail::getDefaultCPUGenerator();
      std::lock_guard<std::mutex> rng_lock(generator.mutex());
      generator.set_state(rng->as_tensor());
    }
  }
  return position;
}

}  // namespace dino

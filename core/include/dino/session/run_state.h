// Where a training run stands; shared by TrainingSession and the app's torch-free TrainingRun.
#pragma once

namespace dino {

enum class RunState { Idle, Running, Paused, Finished, Stopped, Failed };

const char* to_string(RunState state);

}  // namespace dino

// Where a training run stands; shared by TrainingSession and the app's torch-free TrainingRun.
#pragma once

namespace dino {

enum class RunState { Idle, Running, Paused, Finished, Stopped, Failed };

// What a running run is doing, for the status line: the steps are only one part of its time.
enum class RunPhase { Starting, Measuring, LoadingData, Evaluating, Training, Saving, Done };

const char* to_string(RunState state);
const char* to_string(RunPhase phase);  // "loading data", "k-NN evaluation", ...

}  // namespace dino

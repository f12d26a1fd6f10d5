// A run the desktop app starts on a server over SSH goes on after the connection closes: a shell
// started with nohup and setsid runs `dino train` and waits for it. These files, beside the run's
// outputs, are how the app and `dino follow` find that run again from any later connection
// (docs/desktop-app.md, "A run on a server").
#pragma once

namespace dino::detached_run {

inline constexpr const char* kSettingsFile = "launch.json";  // the settings the app sent
inline constexpr const char* kProcessFile = "detached.pid";  // the process id of dino train (or torchrun)
inline constexpr const char* kExitFile = "detached.exit";    // its exit status, written when it ends
inline constexpr const char* kOutputFile = "detached.out";   // what it printed

}  // namespace dino::detached_run

// `dino follow`: what a detached run (dino/session/detached_run.h) writes, streamed as it is
// written, for the desktop app that follows the run over SSH. Each line of the run's files goes out
// with a tag ("m " metrics.jsonl, "l " train.log, "o " what the process printed), only whole lines,
// from the byte offsets given: a connection that drops is picked up by starting again from what
// arrived. "s running" every --heartbeat seconds tells a quiet run from a dead connection; the
// stream ends with "s ended <exit status>", "s gone" (the process died without its shell writing a
// status: killed with it, or the machine restarted) or "s none" (no detached run in the folder),
// after the files have been read to their end.
#include "commands.h"

#include <dino/session/detached_run.h>

#include <signal.h>

#include <cerrno>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <optional>
#include <stdexcept>
#include <string>
#include <thread>

namespace dino::cli {
namespace {

namespace fs = std::filesystem;

struct FollowOptions {
  std::string output_dir;
  uint64_t metrics_from = 0, log_from = 0, output_from = 0;
  double heartbeat = 2.0;
};

// One file read on from an offset, a whole line at a time.
class TaggedTail {
 public:
  TaggedTail(fs::path file, char tag, uint64_t offset) : file_(std::move(file)), tag_(tag), offset_(offset) {}

  // Sends the whole lines written since the last call; false when stdout is gone.
  bool send() {
    std::error_code error;
    const auto size = fs::file_size(file_, error);
    if (error || size <= offset_) return true;  // not written yet, or nothing new
    std::ifstream in(file_, std::ios::binary);
    in.seekg(static_cast<std::streamoff>(offset_));
    std::string data(size - offset_, '\0');
    in.read(data.data(), static_cast<std::streamsize>(data.size()));
    data.resize(static_cast<size_t>(in.gcount()));
    const auto end = data.rfind('\n');
    if (end == std::string::npos) return true;  // the writer is in the middle of a line
    size_t begin = 0;
    while (begin <= end) {
      const size_t newline = data.find('\n', begin);
      std::fputc(tag_, stdout);
      std::fputc(' ', stdout);
      std::fwrite(data.data() + begin, 1, newline + 1 - begin, stdout);
      begin = newline + 1;
    }
    offset_ += end + 1;
    return !std::ferror(stdout);
  }

 private:
  fs::path file_;
  char tag_;
  uint64_t offset_;
};

std::optional<std::string> read_first_line(const fs::path& file) {
  std::ifstream in(file);
  std::string line;
  if (!in || !std::getline(in, line)) return std::nullopt;
  return line;
}

// An ended process not yet reaped: its parent shell was killed with it, and an init that does not
// reap (a container's) leaves it there.
bool is_zombie(long pid) {
  const auto stat = read_first_line(fs::path("/proc") / std::to_string(pid) / "stat");
  if (!stat) return false;  // no /proc: trust kill()
  const auto close = stat->rfind(')');
  return close != std::string::npos && close + 2 < stat->size() && (*stat)[close + 2] == 'Z';
}

// "running", "ended <status>", "gone" or "none".
std::string run_status(const fs::path& folder) {
  if (const auto status = read_first_line(folder / detached_run::kExitFile)) return "ended " + *status;
  const auto pid_text = read_first_line(folder / detached_run::kProcessFile);
  if (!pid_text) return "none";
  long pid = 0;
  try {
    pid = std::stol(*pid_text);
  } catch (const std::exception&) {
    return "none";
  }
  // EPERM would be another user's process: the id was reused, the run is not it.
  if (pid > 0 && ::kill(static_cast<pid_t>(pid), 0) == 0 && !is_zombie(pid)) return "running";
  // Its shell writes the status right after the process ends: look once more before calling it gone.
  std::this_thread::sleep_for(std::chrono::milliseconds(500));
  if (const auto status = read_first_line(folder / detached_run::kExitFile)) return "ended " + *status;
  return "gone";
}

int run_follow(const FollowOptions& options) {
  const fs::path folder(options.output_dir);
  if (!fs::is_directory(folder)) throw std::runtime_error("--output_dir " + options.output_dir + ": no such folder");
  TaggedTail tails[] = {{folder / "metrics.jsonl", 'm', options.metrics_from},
                        {folder / "train.log", 'l', options.log_from},
                        {folder / detached_run::kOutputFile, 'o', options.output_from}};
  auto last_heartbeat = std::chrono::steady_clock::now() - std::chrono::hours(1);
  while (true) {
    // The status first: every line written before the run ended is then read below.
    const std::string status = run_status(folder);
    for (auto& tail : tails)
      if (!tail.send()) return 1;  // the connection is gone
    const auto now = std::chrono::steady_clock::now();
    if (status != "running" || now - last_heartbeat >= std::chrono::duration<double>(options.heartbeat)) {
      std::printf("s %s\n", status.c_str());
      last_heartbeat = now;
    }
    if (std::fflush(stdout) != 0) return 1;
    if (status != "running") return 0;
    std::this_thread::sleep_for(std::chrono::milliseconds(250));
  }
}

}  // namespace

void add_follow_command(CLI::App& app) {
  auto options = std::make_shared<FollowOptions>();
  auto* cmd = app.add_subcommand(
      "follow", "Stream what a run started detached by DINO Studio writes, until it ends (used by the app over SSH)");
  cmd->add_option("--output_dir", options->output_dir, "The run's output folder")->required();
  cmd->add_option("--metrics_from", options->metrics_from, "Byte of metrics.jsonl to start at")->capture_default_str();
  cmd->add_option("--log_from", options->log_from, "Byte of train.log to start at")->capture_default_str();
  cmd->add_option("--output_from", options->output_from, "Byte of the process's output to start at")
      ->capture_default_str();
  cmd->add_option("--heartbeat", options->heartbeat, "Seconds between 's running' lines")
      ->check(CLI::PositiveNumber)
      ->capture_default_str();
  cmd->callback([options] {
    if (const int code = run_follow(*options); code != 0) std::exit(code);
  });
}

}  // namespace dino::cli

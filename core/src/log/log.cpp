#include "dino/log/log.h"

#include <spdlog/sinks/basic_file_sink.h>
#include <spdlog/sinks/base_sink.h>
#include <spdlog/sinks/dist_sink.h>
#include <spdlog/sinks/stdout_color_sinks.h>
#include <spdlog/spdlog.h>

#include <mutex>

namespace dino::log {
namespace {

spdlog::level::level_enum to_spdlog(Level level) {
  switch (level) {
    case Level::Debug: return spdlog::level::debug;
    case Level::Info: return spdlog::level::info;
    case Level::Warning: return spdlog::level::warn;
    case Level::Error: return spdlog::level::err;
  }
  return spdlog::level::info;
}

Level from_spdlog(spdlog::level::level_enum level) {
  switch (level) {
    case spdlog::level::trace:
    case spdlog::level::debug: return Level::Debug;
    case spdlog::level::warn: return Level::Warning;
    case spdlog::level::err:
    case spdlog::level::critical: return Level::Error;
    default: return Level::Info;
  }
}

void notify_listener(Level level, const std::string& message);

// Hands each message to the listener (Debian's spdlog 1.10 has no callback_sink yet).
class ListenerSink : public spdlog::sinks::base_sink<std::mutex> {
 protected:
  void sink_it_(const spdlog::details::log_msg& msg) override {
    notify_listener(from_spdlog(msg.level), std::string(msg.payload.data(), msg.payload.size()));
  }
  void flush_() override {}
};

struct State {
  std::mutex mutex;
  std::shared_ptr<spdlog::logger> logger;
  // The log files of the runs alive now: added and removed under the sink's own lock, which every
  // message also takes, so files come and go while other threads log.
  std::shared_ptr<spdlog::sinks::dist_sink_mt> files;
  std::function<void(Level, const std::string&)> listener;
};

State& state() {
  static State instance;
  return instance;
}

spdlog::logger& logger() {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  if (!s.logger) {
    auto console = std::make_shared<spdlog::sinks::stderr_color_sink_mt>();
    console->set_pattern("%^[%l]%$ %v");
    auto forward = std::make_shared<ListenerSink>();
    s.files = std::make_shared<spdlog::sinks::dist_sink_mt>();
    s.logger = std::make_shared<spdlog::logger>("dino", spdlog::sinks_init_list{console, forward, s.files});
    s.logger->set_level(spdlog::level::info);
    s.logger->flush_on(spdlog::level::info);
  }
  return *s.logger;
}

void notify_listener(Level level, const std::string& message) {
  auto& s = state();
  std::function<void(Level, const std::string&)> listener;
  {
    std::lock_guard lock(s.mutex);
    listener = s.listener;
  }
  if (listener) listener(level, message);
}

}  // namespace

void write(Level level, std::string_view message) { logger().log(to_spdlog(level), "{}", message); }

void set_level(Level level) { logger().set_level(to_spdlog(level)); }

struct FileSink::Impl {
  std::shared_ptr<spdlog::sinks::basic_file_sink_mt> sink;
};

FileSink::FileSink(const std::filesystem::path& file) : impl_(std::make_unique<Impl>()) {
  try {
    impl_->sink = std::make_shared<spdlog::sinks::basic_file_sink_mt>(file.string());
  } catch (const spdlog::spdlog_ex& e) {
    throw std::runtime_error(file.string() + ": cannot open the log file (" + e.what() + ")");
  }
  impl_->sink->set_pattern("[%Y-%m-%d %H:%M:%S.%e] [%l] %v");
  logger();  // creates the logger and its file distribution on first use
  state().files->add_sink(impl_->sink);
}

FileSink::~FileSink() {
  state().files->remove_sink(impl_->sink);
  impl_->sink->flush();
}

void set_listener(std::function<void(Level, const std::string&)> listener) {
  auto& s = state();
  std::lock_guard lock(s.mutex);
  s.listener = std::move(listener);
}

}  // namespace dino::log

#include "core/logging.hpp"

#include <spdlog/sinks/stdout_sinks.h>

namespace maitred::core {

namespace {
std::shared_ptr<spdlog::logger> make_logger() {
  auto logger = std::make_shared<spdlog::logger>("maitred", std::make_shared<spdlog::sinks::stderr_sink_mt>());
  logger->set_pattern("%Y-%m-%dT%H:%M:%S.%eZ %l %v", spdlog::pattern_time_type::utc);
  logger->flush_on(spdlog::level::info);
  return logger;
}

std::shared_ptr<spdlog::logger>& logger_slot() {
  static std::shared_ptr<spdlog::logger> logger = make_logger();
  return logger;
}
}  // namespace

void init_logging(spdlog::level::level_enum level) {
  logger_slot()->set_level(level);
}

spdlog::logger& log() {
  return *logger_slot();
}

}  // namespace maitred::core

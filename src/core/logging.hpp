#pragma once
// One logger for the whole process, writing to stderr. Request lines are JSON
// (see http/access_log.hpp); everything else is plain text for humans.

#include <spdlog/spdlog.h>

namespace maitred::core {

void init_logging(spdlog::level::level_enum level = spdlog::level::info);

spdlog::logger& log();

}  // namespace maitred::core

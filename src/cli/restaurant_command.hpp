#pragma once
// `maitred restaurant create --name NAME --timezone ZONE` and
// `maitred restaurant list`: restaurants as JSON on stdout.

#include "cli/command.hpp"

namespace maitred::cli {

Handler restaurant_create_command();
Handler restaurant_list_command();

}  // namespace maitred::cli

#pragma once
// `maitred key create|list|revoke`: a restaurant's API keys. The secret is
// printed once, by create; list and revoke print keys without it.

#include "cli/command.hpp"

namespace maitred::cli {

Handler key_create_command();
Handler key_list_command();
Handler key_revoke_command();

}  // namespace maitred::cli

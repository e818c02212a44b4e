#pragma once
// `maitred user create|list|delete|passwd`: a restaurant's staff users. A
// password is read from stdin (cli/password_prompt.hpp), never from the
// command line.

#include "cli/command.hpp"

namespace maitred::cli {

Handler user_create_command();
Handler user_list_command();
Handler user_delete_command();
Handler user_passwd_command();

}  // namespace maitred::cli

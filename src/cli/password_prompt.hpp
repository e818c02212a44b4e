#pragma once
// Reads a new password for `maitred user create/passwd`: never from the
// command line (it would show in `ps` and shell history). From a terminal it
// asks twice without echo; otherwise it reads the first line of stdin.

#include <string>

namespace maitred::cli {

// Throws app::UsageError when stdin is empty or the two entries differ.
std::string read_new_password();

}  // namespace maitred::cli

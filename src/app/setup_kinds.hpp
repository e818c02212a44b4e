#pragma once
// The setup kinds' table and their typed reads, for the use cases and the
// handlers: they live in store/setup_kinds.hpp, which encodes and decodes
// the documents (through json/setup_codec) so that app/ sees domain types
// only.

#include "store/setup_kinds.hpp"

namespace maitred::app {

using store::decode_stored;
using store::load_all;
using store::load_for_delete;
using store::load_one;
using store::SetupKind;
using store::stored_json;

}  // namespace maitred::app

#pragma once
// Small conversions between stored PostgreSQL text and domain values, shared
// by the PgStore files.

#include <optional>
#include <span>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "core/crypto.hpp"
#include "store/postgres/connection.hpp"
#include "store/store.hpp"

namespace maitred::store::postgres {

core::SystemTime stored_time(const Result& rows, int row, int column);
std::optional<core::SystemTime> optional_stored_time(const Result& rows, int row, int column);
// A 32-byte hash column (bytea, hex output) back into a digest.
core::Sha256Digest stored_digest(const Result& rows, int row, int column);
// Bytes as a bytea parameter in hex input form ("\x0a1b...").
std::string bytea_param(std::span<const unsigned char> bytes);
// A nullable text column.
std::optional<std::string> optional_text(const Result& rows, int row, int column);
// Empty text as SQL NULL.
Param null_if_empty(std::string_view text);

}  // namespace maitred::store::postgres

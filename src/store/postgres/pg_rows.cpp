#include "store/postgres/pg_rows.hpp"

#include "core/text.hpp"
#include "core/time_format.hpp"

namespace maitred::store::postgres {

core::SystemTime stored_time(const Result& rows, int row, int column) {
  auto t = core::parse_utc(rows.text(row, column));
  if (!t) throw StoreError(StoreError::Kind::internal, "corrupt time stamp in database");
  return *t;
}

std::optional<core::SystemTime> optional_stored_time(const Result& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return stored_time(rows, row, column);
}

core::Sha256Digest stored_digest(const Result& rows, int row, int column) {
  const auto text = rows.text(row, column);
  core::Sha256Digest digest{};
  if (text.size() != 2 + 2 * digest.size() || !text.starts_with("\\x"))
    throw StoreError(StoreError::Kind::internal, "corrupt hash in database");
  for (std::size_t i = 0; i < digest.size(); ++i) {
    const int high = core::hex_digit_value(text[2 + 2 * i]);
    const int low = core::hex_digit_value(text[3 + 2 * i]);
    if (high < 0 || low < 0) throw StoreError(StoreError::Kind::internal, "corrupt hash in database");
    digest[i] = static_cast<unsigned char>(high * 16 + low);
  }
  return digest;
}

std::string bytea_param(std::span<const unsigned char> bytes) {
  return "\\x" + core::to_hex(bytes);
}

std::optional<std::string> optional_text(const Result& rows, int row, int column) {
  if (rows.is_null(row, column)) return std::nullopt;
  return std::string(rows.text(row, column));
}

Param null_if_empty(std::string_view text) {
  if (text.empty()) return std::nullopt;
  return std::string(text);
}

}  // namespace maitred::store::postgres

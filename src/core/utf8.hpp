#pragma once
// Well-formed UTF-8 (RFC 3629), the only text maitred accepts or stores:
// SQLite's JSON functions, PostgreSQL and every client downstream assume it,
// and one ill-formed string in a stored document makes the document
// unreadable for all of them.

#include <cstddef>
#include <optional>
#include <string_view>

namespace maitred::core {

// Length of the well-formed UTF-8 sequence at text[at] (a byte >= 0x80), or 0.
// Overlong forms, surrogates (U+D800..U+DFFF, which only exist as halves of
// UTF-16 pairs) and code points above U+10FFFF are ill-formed.
std::size_t utf8_sequence_length(std::string_view text, std::size_t at);

// The offset of the first byte that does not start a well-formed sequence,
// or nullopt when the whole text is well-formed UTF-8.
std::optional<std::size_t> first_invalid_utf8(std::string_view text);

inline bool is_valid_utf8(std::string_view text) {
  return !first_invalid_utf8(text).has_value();
}

}  // namespace maitred::core

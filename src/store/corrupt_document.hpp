#pragma once
// A stored document that cannot be decoded: bytes written behind maitred's
// back, a disk fault, a bug of an older version. It is an internal error
// (500, logged with the document's id by http/error_mapping.cpp), never the
// client's fault (422), and it stays about the one document: lists and
// start-up skip it with a log line, and deletes work without decoding it.

#include <exception>
#include <string>
#include <string_view>

#include "core/logging.hpp"
#include "store/store.hpp"

namespace maitred::store {

struct CorruptDocument : StoreError {
  CorruptDocument(std::string_view kind, std::string_view id, std::string_view reason)
      : StoreError(Kind::internal, "corrupt " + std::string(kind) + " document '" + std::string(id) +
                                       "' in the database: " + std::string(reason)) {}
};

// decode() of the stored document `id`; whatever it throws (decoders are
// pure, so it is about the bytes) becomes a CorruptDocument naming the id.
template <typename Decode>
auto decode_document(std::string_view kind, std::string_view id, Decode&& decode) -> decltype(decode()) {
  try {
    return decode();
  } catch (const std::exception& e) {
    throw CorruptDocument(kind, id, e.what());
  }
}

// Logs a corrupt document that a list, a background pass or a delete steps
// over instead of failing; `outcome` says what happened to it.
inline void log_corrupt(const CorruptDocument& e, std::string_view outcome) {
  core::log().error("{} ({})", e.what(), outcome);
}

}  // namespace maitred::store

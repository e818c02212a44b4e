#include "store/corrupt_document.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"

namespace maitred::store {
namespace {

TEST(CorruptDocument, WhatADecoderThrowsBecomesAnInternalErrorNamingTheDocument) {
  try {
    (void)decode_document("booking", "AbCdEfGhIjKlMnOpQ", []() -> int {
      throw domain::InvalidInput("missing_field", "guest.name", "'guest.name' is required.");
    });
    ADD_FAILURE() << "nothing thrown";
  } catch (const CorruptDocument& e) {
    EXPECT_EQ(e.kind, StoreError::Kind::internal);  // a 500, never the client's 422
    EXPECT_STREQ(e.what(), "corrupt booking document 'AbCdEfGhIjKlMnOpQ' in the database: 'guest.name' is required.");
  }
}

TEST(CorruptDocument, ADecodedDocumentPassesThrough) {
  EXPECT_EQ(decode_document("area", "x", [] { return 42; }), 42);
}

}  // namespace
}  // namespace maitred::store

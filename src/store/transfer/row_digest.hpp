#pragma once
// A SHA-256 over a table's rows in the canonical form of tables.hpp, fed in
// primary-key order: equal for two databases exactly when they hold the same
// rows (short of a SHA-256 collision). Each value is framed — a tag for NULL
// or a value, then its length — so ("ab", "c") and ("a", "bc") differ, and
// NULL differs from the empty string.

#include <memory>
#include <string>

#include "store/transfer/tables.hpp"

namespace maitred::store::transfer {

class RowDigest {
 public:
  RowDigest();
  ~RowDigest();
  RowDigest(const RowDigest&) = delete;
  RowDigest& operator=(const RowDigest&) = delete;

  void add(const Row& row);
  long long rows() const { return rows_; }
  // Lower-case hex; call once, after the last add().
  std::string finish();

 private:
  struct State;
  std::unique_ptr<State> state_;
  long long rows_ = 0;
};

}  // namespace maitred::store::transfer

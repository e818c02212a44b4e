#pragma once
// The setup use cases — areas, tables, table combinations, opening hours,
// custom fields: each runs in one transaction, checks the document against
// what it refers to and what refers to it (domain/setup_rules.hpp), writes
// it and records its event (app/document_writes.hpp). Handlers decode the
// request; for an update they pass `apply`, which puts the request's
// changes onto the stored document inside the transaction (so the checks
// see the state the write commits against).

#include <functional>
#include <string>
#include <string_view>

#include "app/document_writes.hpp"
#include "core/clock.hpp"

namespace maitred::app {

class SetupService {
 public:
  SetupService(DocumentWrites writes, const core::Clock& clock) : writes_(std::move(writes)), clock_(clock) {}

  // The new document's id. Throws InvalidInput / NotFound from the checks.
  template <typename Doc>
  std::string create(Doc doc);
  // NotFound (404) when there is no such document.
  template <typename Doc>
  void update(std::string_view id, const std::function<void(Doc&)>& apply);
  // NotFound when there is none; IllegalOperation (in_use) while something
  // still uses it. A document that cannot be read can still be deleted.
  template <typename Doc>
  void remove(std::string_view id);

 private:
  DocumentWrites writes_;
  const core::Clock& clock_;
};

}  // namespace maitred::app

#pragma once
// The write use case of the restaurant's documents other than bookings —
// the setup (areas, tables, combinations, opening hours, custom fields),
// orders and feedback: one transaction, the store write, and its event
// ("table.created", "area.updated", "order.created", ...), so no handler
// writes without its event or outside a transaction.
//
// Handlers decode and check the request inside the body they pass (their
// reads then see the state the write commits against) and hand over the
// document's stored JSON.

#include <functional>
#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/event.hpp"
#include "store/store.hpp"

namespace maitred::app {

// The name events give a collection's documents: "table" for tables.
std::string_view event_resource(store::Collection collection);

class DocumentWrites {
 public:
  DocumentWrites(store::Store& store, const core::Clock& clock, std::string restaurant_id, domain::Actor actor)
      : store_(store), clock_(clock), restaurant_id_(std::move(restaurant_id)), actor_(std::move(actor)) {}

  // Runs `body` (which calls the methods below) in one transaction.
  void atomically(const std::function<void()>& body) { store_.atomically(body); }

  // `write.at` and `write.restaurant_id` are filled in here.
  void create(store::DocumentWrite write);
  // `before`: the document's JSON as stored before the change, for the
  // event's list of changed fields. A write that changes nothing records
  // no event.
  void update(store::DocumentWrite write, std::string_view before);
  // Marks the document deleted (kept for the references to it).
  void soft_delete(store::DocumentWrite write);
  // Erases for good; false (and no event) when there was nothing.
  bool erase(store::Collection collection, const std::string& id);

  // For a write of something other than a document (the restaurant's
  // settings): records `type` about `id` with the changed fields between
  // two versions of its JSON; nothing when they are equal.
  void record_update(std::string type, const std::string& id, std::string_view before, std::string_view after);

  store::Store& store() { return store_; }
  const std::string& restaurant_id() const { return restaurant_id_; }

 private:
  void record(store::Collection collection, std::string_view what, const std::string& id, std::string changes = {});

  store::Store& store_;
  const core::Clock& clock_;
  std::string restaurant_id_;
  domain::Actor actor_;
};

}  // namespace maitred::app

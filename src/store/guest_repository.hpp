#pragma once
// Customers: the guests the restaurant knows, found by e-mail or phone, with
// counts that follow their bookings. Their documents live in the customers
// collection (DocumentRepository); this is what bookings need of them, with
// the locks that keep two bookings of one guest, written side by side, from
// creating the guest twice or losing a count.
//
// Lock order, for every body that takes more than one (bookings for other
// days may run beside each other, so two bodies taking the same names in
// different orders could deadlock): the Idempotency-Key
// (BookingRepository::find_idempotency_key), the e-mail, the phone, then the
// customer. find_or_add_customer() takes the e-mail and phone,
// find_customer_for_update() the customer, so a body calls them in that order.

#include <optional>
#include <string>
#include <string_view>

#include "core/clock.hpp"
#include "domain/customer.hpp"
#include "store/document_repository.hpp"

namespace maitred::store {

struct CustomerStats {
  int booking_count = 0;
  std::optional<core::SystemTime> first;
  std::optional<core::SystemTime> last;
};

struct FoundCustomer {
  std::string id;
  bool created = false;  // the candidate was inserted
};

// A customer read to be written back, with the stored document its changes
// are told against (update_customer()).
struct StoredCustomer {
  domain::Customer customer;
  std::string stored_json;
};

// Which fields an update reports as changed: all of them, or the guest's
// details only (the counts follow the bookings, which have events of their
// own).
enum class CustomerChanges { all_fields, details_only };

class GuestRepository {
 public:
  virtual ~GuestRepository() = default;

  // The stored document of the customer with this e-mail (case-insensitive)
  // or phone (E.164), if any: each store's probe. Above the store, use
  // find_customer_by_contact().
  virtual std::optional<Document> find_customer_document(std::string_view restaurant_id, std::string_view email,
                                                         std::string_view phone) = 0;
  // Counted from the bookings that name the customer, including writes made
  // earlier in the same atomically() body.
  virtual CustomerStats customer_booking_stats(std::string_view restaurant_id, std::string_view customer_id) = 0;

  // Inside an atomic body: the customer with the candidate's e-mail or phone,
  // or else the candidate, inserted. Holds the e-mail and phone until the
  // body ends, so of two bodies for one new guest one creates the customer
  // and the other finds it.
  FoundCustomer find_or_add_customer(std::string_view restaurant_id, const domain::Customer& candidate);
  // Inside an atomic body: the customer, excluding until the body ends every
  // other body that reads it to write it back (its counts). Throws
  // CorruptDocument when the stored document cannot be decoded.
  std::optional<StoredCustomer> find_customer_for_update(std::string_view restaurant_id, std::string_view customer_id);

  // The customer with this e-mail (case-insensitive) or phone (E.164), if
  // any. Throws CorruptDocument when it cannot be decoded.
  std::optional<StoredCustomer> find_customer_by_contact(std::string_view restaurant_id, std::string_view email,
                                                         std::string_view phone);
  // A new customer, stored as of its created_at.
  void insert_customer(std::string_view restaurant_id, const domain::Customer& customer);
  // Writes `after` over `before` (as of `at`); the fields that changed, as
  // the events list them (json/document_diff.hpp against the stored
  // document), empty when none.
  std::string update_customer(std::string_view restaurant_id, const StoredCustomer& before,
                              const domain::Customer& after, core::SystemTime at, CustomerChanges scope);

 protected:
  // Inside an atomic body: waits for, and until the body ends excludes,
  // every other body that locks the same name of the restaurant. A no-op
  // where writers run one at a time anyway (the embedded store).
  virtual void lock_name(std::string_view restaurant_id, std::string_view name) {
    (void)restaurant_id;
    (void)name;
  }
  // Where the customers' documents are kept.
  virtual DocumentRepository& customer_documents() = 0;
};

}  // namespace maitred::store

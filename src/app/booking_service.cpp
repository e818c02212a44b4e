#include "app/booking_service.hpp"

#include <algorithm>
#include <span>

#include "app/customer_service.hpp"
#include "app/record_event.hpp"
#include "app/restaurant_snapshot.hpp"
#include "app/setup_kinds.hpp"
#include "core/check.hpp"
#include "core/ids.hpp"
#include "core/time_format.hpp"
#include "domain/booking_fields.hpp"
#include "domain/booking_status.hpp"
#include "domain/booking_time.hpp"
#include "domain/calendar.hpp"
#include "domain/custom_field_rules.hpp"
#include "domain/errors.hpp"
#include "domain/guest_booking_rules.hpp"
#include "domain/guest_rules.hpp"
#include "domain/restaurant_rules.hpp"
#include "domain/seating.hpp"
#include "domain/service_at.hpp"
#include "domain/setup.hpp"
#include "domain/table_conflicts.hpp"
#include "json/booking_history.hpp"
#include "store/corrupt_document.hpp"
#include "store/hold_documents.hpp"
#include "store/store.hpp"

namespace maitred::app {

namespace {

using domain::Booking;

constexpr std::size_t kMaxNotes = 200;

[[noreturn]] void invalid(std::string field, const std::string& message, std::string code = "invalid_field") {
  throw domain::InvalidInput(std::move(code), std::move(field), message);
}

Booking load(const BookingContext& c, const std::string& id) {
  std::optional<Booking> booking;
  if (core::is_valid_id(id)) booking = c.store.bookings().find_booking(c.restaurant.id, id);
  if (!booking) throw domain::NotFound("not_found", "_id", "There is no booking with id '" + id + "'.");
  return std::move(*booking);
}

// date + time (+ the restaurant's zone) -> date, time and dateTime.
void place_in_time(const BookingContext& c, Booking& b, const std::string& date_text, const std::string& time_text) {
  auto placed = domain::place_in_time(c.restaurant.timezone, date_text, time_text);
  b.date = std::move(placed.date);
  b.time = placed.time;
  b.date_time = placed.instant;
}

void apply_guest(const domain::BookingDraft& ch, domain::Guest& guest) {
  if (ch.guest_name) guest.name = domain::checked_guest_name(*ch.guest_name);
  if (ch.guest_email) guest.email = domain::checked_guest_email(*ch.guest_email);
  if (ch.guest_phone) guest.phone = domain::checked_guest_phone(*ch.guest_phone);
  if (ch.notification_sms) guest.notification_sms = *ch.notification_sms;
  if (ch.notification_email) guest.notification_email = *ch.notification_email;
}

// The restaurant's setup, read at most once per booking write: the tables,
// the custom fields and the seating check all need parts of it, and inside
// the write transaction it cannot change.
class SetupOnce {
 public:
  explicit SetupOnce(const BookingContext& c) : c_(c) {}
  LoadedRestaurant& get() {
    if (!loaded_) loaded_ = load_restaurant_setup(c_.store, c_.restaurant);
    return *loaded_;
  }

 private:
  const BookingContext& c_;
  std::optional<LoadedRestaurant> loaded_;
};

// `ids` are tables, or table combinations as availableTables lists them
// ("T11 + T12"): a combination books each of its tables.
void apply_tables(SetupOnce& setup, const std::vector<std::string>& ids, Booking& b) {
  const auto& loaded = setup.get();
  b.tables.clear();
  auto add = [&](const std::string& table_id, const std::string& field) {
    auto table = std::ranges::find(loaded.tables, table_id, &domain::Table::id);
    if (table == loaded.tables.end()) {
      throw domain::NotFound("unknown_reference", field, "There is no table with id '" + table_id + "'.");
    }
    if (std::ranges::find(b.tables, table_id, &domain::BookedTable::id) != b.tables.end()) {
      invalid(field, "Table '" + table->name + "' is listed twice.");
    }
    b.tables.push_back(loaded.booked(*table));
  };
  for (std::size_t i = 0; i < ids.size(); ++i) {
    const std::string field = "tables[" + std::to_string(i) + "]";
    auto combination = std::ranges::find(loaded.combinations, ids[i], &domain::TableCombination::id);
    if (combination == loaded.combinations.end()) {
      add(ids[i], field);
      continue;
    }
    for (const auto& table_id : combination->table_ids) add(table_id, field);
  }
}

void apply_opening_hour(const BookingContext& c, const std::string& id, Booking& b) {
  if (id.empty()) {
    b.opening_hour_id.clear();
    b.opening_hour_name.clear();
    return;
  }
  std::optional<store::Document> stored;
  if (core::is_valid_id(id))
    stored = c.store.documents().find_document(store::Collection::opening_hours, c.restaurant.id, id);
  if (!stored) {
    throw domain::NotFound("unknown_reference", "openingHourId", "There is no opening hour with id '" + id + "'.");
  }
  const auto hour = decode_stored<domain::OpeningHour>(*stored);
  b.opening_hour_id = hour.id;
  b.opening_hour_name = hour.name;
}

// A booking that names no service is filed under the one its start falls
// in (none outside opening hours), so clients that group bookings by
// service find it there.
void file_under_service(const BookingContext& c, SetupOnce& setup, Booking& b) {
  const auto day = domain::parse_iso_date(b.date);
  MAITRED_CHECK(day, "a booking's date is checked when it is placed in time and when it is read back");
  const auto at = domain::service_at(setup.get().hours, c.restaurant.timezone, *day, b.date_time, b.opening_hour_id);
  b.opening_hour_id = at.service == nullptr ? "" : at.service->id;
  b.opening_hour_name = at.service == nullptr ? "" : at.service->name;
}

void apply_custom_fields(SetupOnce& setup, const domain::BookingDraft& ch, Booking& b) {
  std::span<const domain::CustomFieldAnswerDraft> answers;
  if (ch.custom_fields) answers = *ch.custom_fields;
  b.custom_fields = domain::check_custom_field_answers(answers, setup.get().custom_fields, b.opening_hour_id);
}

// The simple fields every write may change.
void apply_plain_fields(const BookingContext& c, const domain::BookingDraft& ch, Booking& b) {
  if (ch.people) b.people = *ch.people;
  if (ch.duration) b.duration = *ch.duration;
  if (ch.source) {
    domain::check_booking_source(*ch.source);
    b.source = *ch.source;
  }
  if (ch.language_code) {
    domain::check_booking_language(*ch.language_code);
    b.language_code = *ch.language_code;
  }
  apply_guest(ch, b.guest);
  if (ch.comment) b.comment = *ch.comment;
  if (ch.referrer) b.referrer = *ch.referrer;
  if (ch.metadata_json) b.metadata_json = *ch.metadata_json;
  (void)c;
}

void add_note(Booking& b, const std::string& text, const std::string& author, core::SystemTime at) {
  if (b.restaurant_notes.size() >= kMaxNotes) invalid("text", "A booking can have at most 200 notes.");
  b.restaurant_notes.push_back({core::new_id(), text, author.empty() ? "API" : author, at});
}

// Inside the write transaction: the seating check (domain/seating.hpp) with
// the bookings and active holds around the booking, less the booking itself
// and the hold it turns into. Assigns tables when it has none. With
// `overbook` (staff squeezing a party in on purpose) nothing is refused and
// nothing is chosen: the booking is written as given. `may_reseat`: tables
// it already has that no longer fit or are taken are given up for the
// engine's choice. Returns whether the booking was let past a refusal.
bool seat(const BookingContext& c, SetupOnce& setup, Booking& b, bool overbook, const std::string& consumed_hold = {},
          bool may_reseat = false) {
  if (!domain::holds_tables(b.status)) return false;
  const auto day = domain::parse_iso_date(b.date);
  MAITRED_CHECK(day, "a booking's date is checked when it is placed in time and when it is read back");
  auto& loaded = setup.get();
  load_bookings_around(c.store, loaded, *day, *day, c.clock.now());
  std::erase_if(loaded.bookings, [&](const Booking& other) {
    return other.id == b.id || (!consumed_hold.empty() && other.id == consumed_hold);
  });
  if (overbook) return domain::check_seating(loaded.snapshot(), b).refusal.has_value();
  auto verdict = domain::check_seating(loaded.snapshot(), b);
  if (may_reseat && verdict.refusal &&
      (verdict.refusal->code == "table_unavailable" || verdict.refusal->code == "tables_too_small")) {
    b.tables.clear();
    verdict = domain::check_seating(loaded.snapshot(), b);
  }
  if (verdict.assigned) {
    b.tables.clear();
    for (const auto& id : verdict.assigned->table_ids) {
      b.tables.push_back(loaded.booked(id));
    }
  }
  if (!verdict.refusal) return false;
  throw domain::InvalidInput(verdict.refusal->code, verdict.refusal->field, verdict.refusal->message);
}

// Whether an update takes more than the booking had: it now holds tables
// and did not, starts or ends differently, seats more people, or has other
// tables.
bool asks_for_more(const BookingContext& c, const Booking& old, const Booking& now) {
  const int buffer = c.restaurant.booking_rules.turnover_buffer;
  const auto before = domain::occupancy(old, buffer);
  const auto after = domain::occupancy(now, buffer);
  if (after.start == after.end) return false;  // holds nothing now
  if (before.start == before.end) return true;
  return after.start != before.start || after.end > before.end || now.people > old.people ||
         !std::ranges::equal(now.tables, old.tables, {}, &domain::BookedTable::id, &domain::BookedTable::id);
}

// The hold a new booking turns into: it must be active and for the same
// date, time and party; the booking gets its tables. Returns its id.
std::string take_hold(const BookingContext& c, const std::string& hold_id, Booking& b, bool tables_given) {
  std::optional<domain::Hold> found;
  if (core::is_valid_id(hold_id)) found = store::find_hold(c.store.documents(), c.restaurant.id, hold_id);
  if (!found) throw domain::NotFound("unknown_reference", "holdId", "There is no hold with id '" + hold_id + "'.");
  const auto& hold = *found;
  if (!domain::is_active(hold, c.clock.now())) {
    invalid("holdId", "The hold has expired; ask for the times again.", "hold_expired");
  }
  if (hold.date != b.date || hold.time != b.time || hold.people != b.people) {
    invalid("holdId", "The booking must be for the held date, time and party size (" + hold.date + " " +
                          domain::format_clock_time(hold.time) + ", " + std::to_string(hold.people) + " people).");
  }
  if (tables_given) invalid("tables", "A booking made from a hold gets the hold's tables; leave out 'tables'.");
  b.tables = hold.tables;
  if (b.opening_hour_id.empty() && !hold.opening_hour_id.empty()) apply_opening_hour(c, hold.opening_hour_id, b);
  return hold.id;
}

void record_history(const BookingContext& c, const Booking& b, std::string_view action, std::string_view changes,
                    bool overbooked = false) {
  c.store.bookings().append_booking_history(
      c.restaurant.id, b.id, c.clock.now(),
      json::booking_history_entry(c.clock.now(), c.actor, action, overbooked, changes));
}

EventSource events_of(const BookingContext& c) {
  return {c.store, c.clock, c.actor, c.restaurant.id};
}

void record_booking_event(const BookingContext& c, std::string type, const std::string& booking_id,
                          std::string changes = {}) {
  record_event(events_of(c), std::move(type), booking_id, std::move(changes));
}

// A PUT's event: status_changed when the status is among the changes (what
// most consumers react to: a confirmation, a cancellation, a no-show),
// updated otherwise. Either way the event lists every changed field.
std::string update_event_type(const Booking& old, const Booking& now) {
  return old.status != now.status ? "booking.status_changed" : "booking.updated";
}

}  // namespace

CreatedBooking create_booking(const BookingContext& c, const domain::BookingDraft& ch,
                              const std::optional<IdempotentRequest>& idempotency) {
  if (!ch.date) invalid("date", "'date' is required.", "missing_field");
  if (!ch.time) invalid("time", "'time' is required.", "missing_field");
  if (!ch.people) invalid("people", "'people' is required.", "missing_field");
  if (!ch.guest_name) invalid("guest.name", "'guest.name' is required.", "missing_field");

  const auto now = c.clock.now();
  Booking b;
  b.id = core::new_id();
  b.restaurant_id = c.restaurant.id;
  b.language_code = c.restaurant.language;
  place_in_time(c, b, *ch.date, *ch.time);
  apply_plain_fields(c, ch, b);
  if (!ch.duration) b.duration = domain::duration_for(c.restaurant.booking_rules, b.people);
  b.status = ch.status.value_or(c.restaurant.booking_rules.default_status);
  domain::check_new_status(b.status);
  b.created_at = b.activity_at = now;
  if (b.status != "request") domain::stamp_status(b.stamps, b.status, now);
  if (ch.note && !ch.note->empty()) add_note(b, *ch.note, ch.note_author.value_or(""), now);

  CreatedBooking result{b.id, false};
  // Scoped to the booking's day: creates for other days (or restaurants) do
  // not wait for this one on a store that can run writers side by side.
  c.store.atomically_for_day(c.restaurant.id, b.date, [&] {
    if (idempotency) {
      // The store queues creates with one key here whatever their dates, so
      // each finds the records written before it and answers as a sequential
      // retry would: the same body replays, another is
      // idempotency_key_reused.
      if (auto earlier = c.store.bookings().find_idempotency_key(c.restaurant.id, idempotency->key)) {
        if (earlier->request_hash != idempotency->request_hash) {
          invalid("Idempotency-Key",
                  "This Idempotency-Key was already used with a different request body; use a new key for a new"
                  " booking.",
                  "idempotency_key_reused");
        }
        result = {earlier->booking_id, true};
        return;
      }
    }
    SetupOnce setup(c);
    if (ch.opening_hour_id) apply_opening_hour(c, *ch.opening_hour_id, b);
    if (ch.table_ids) apply_tables(setup, *ch.table_ids, b);
    std::string consumed_hold;
    if (ch.hold_id) consumed_hold = take_hold(c, *ch.hold_id, b, ch.table_ids.has_value());
    if (b.opening_hour_id.empty()) file_under_service(c, setup, b);
    apply_custom_fields(setup, ch, b);
    const bool overbooked = seat(c, setup, b, ch.allow_overbooking, consumed_hold);
    if (!consumed_hold.empty())
      c.store.documents().erase_document(store::Collection::holds, c.restaurant.id, consumed_hold);
    link_customer(events_of(c), b);
    c.store.bookings().insert_booking(b);
    refresh_customer(events_of(c), b.customer_id, &b.guest);
    record_history(c, b, "created", {}, overbooked);
    record_booking_event(c, "booking.created", b.id);
    if (idempotency) {
      c.store.bookings().put_idempotency_key(c.restaurant.id, idempotency->key, {idempotency->request_hash, b.id, now});
    }
  });
  return result;
}

void update_booking(const BookingContext& c, const std::string& id, const domain::BookingDraft& ch) {
  if (ch.hold_id) invalid("holdId", "holdId can only be given when a booking is created.");
  c.store.atomically([&] {
    Booking b = load(c, id);
    const Booking old = b;
    const auto now = c.clock.now();
    if (ch.date || ch.time) {
      place_in_time(c, b, ch.date.value_or(b.date), ch.time.value_or(domain::format_clock_time(b.time)));
    }
    apply_plain_fields(c, ch, b);
    if (ch.status && *ch.status != b.status) {
      domain::check_status_change(b.status, *ch.status);
      b.status = *ch.status;
      domain::stamp_status(b.stamps, b.status, now);
    }
    if (ch.opening_hour_id) apply_opening_hour(c, *ch.opening_hour_id, b);
    SetupOnce setup(c);
    // Moved without naming a service: filed under the one it moved into.
    if ((ch.date || ch.time) && !ch.opening_hour_id) file_under_service(c, setup, b);
    if (ch.table_ids) apply_tables(setup, *ch.table_ids, b);
    if (ch.custom_fields) apply_custom_fields(setup, ch, b);
    if (ch.note && !ch.note->empty()) add_note(b, *ch.note, ch.note_author.value_or(""), now);
    b.activity_at = now;
    // Only a change that asks for more is checked: an overlap or a full slot
    // that arose otherwise (a turn-over buffer or a cover limit added later)
    // must not make the guest's phone number or a comment uneditable.
    bool overbooked = false;
    // Moved without naming tables: it keeps them when they still fit and
    // are free, else the engine seats the party afresh.
    if (asks_for_more(c, old, b)) overbooked = seat(c, setup, b, ch.allow_overbooking, {}, !ch.table_ids);
    const std::string previous_customer = b.customer_id;
    if (ch.guest_email || ch.guest_phone) link_customer(events_of(c), b);
    c.store.bookings().update_booking(b);
    // The guest's manage links work until the booking's (new) end.
    if (b.date_time != old.date_time || b.duration != old.duration) {
      c.store.manage_tokens().set_manage_token_expiry(c.restaurant.id, b.id, domain::booking_end(b));
    }
    refresh_customer(events_of(c), b.customer_id, &b.guest);
    if (previous_customer != b.customer_id) refresh_customer(events_of(c), previous_customer, nullptr);
    auto changes = json::booking_changes(old, b);
    record_history(c, b, "updated", changes, overbooked);
    // A PUT that changed nothing (a client echoing the booking back) is no news.
    if (!changes.empty()) record_booking_event(c, update_event_type(old, b), b.id, std::move(changes));
  });
}

std::string add_restaurant_note(const BookingContext& c, const std::string& id, const std::string& text,
                                const std::string& author) {
  std::string note_id;
  c.store.atomically([&] {
    Booking b = load(c, id);
    const Booking before = b;
    add_note(b, text, author, c.clock.now());
    note_id = b.restaurant_notes.back().id;
    b.activity_at = c.clock.now();
    c.store.bookings().update_booking(b);
    auto changes = json::booking_changes(before, b);
    record_history(c, b, "restaurantNote", changes);
    record_booking_event(c, "booking.note_added", b.id, std::move(changes));
  });
  return note_id;
}

std::string add_comment(const BookingContext& c, const std::string& id, const std::string& text) {
  std::string comment_id;
  c.store.atomically([&] {
    Booking b = load(c, id);
    const Booking before = b;
    if (b.comments.size() >= kMaxNotes) invalid("text", "A booking can have at most 200 comments.");
    b.comments.push_back({core::new_id(), text, "restaurant", c.clock.now()});
    comment_id = b.comments.back().id;
    b.activity_at = c.clock.now();
    c.store.bookings().update_booking(b);
    auto changes = json::booking_changes(before, b);
    record_history(c, b, "comment", changes);
    record_booking_event(c, "booking.comment_added", b.id, std::move(changes));
  });
  return comment_id;
}

void erase_booking(const BookingContext& c, const std::string& id) {
  c.store.atomically([&] {
    std::string customer_id;
    try {
      customer_id = load(c, id).customer_id;
    } catch (const store::CorruptDocument& e) {
      // A booking that cannot be read can still be erased (that is how it
      // gets out of the way); its customer's counts catch up on the
      // customer's next booking write.
      store::log_corrupt(e, "erased without reading it");
    }
    c.store.bookings().erase_booking(c.restaurant.id, id);
    c.store.manage_tokens().erase_manage_tokens(c.restaurant.id, id);
    refresh_customer(events_of(c), customer_id, nullptr);
    // Ids only: the booking was erased for data protection.
    record_booking_event(c, "booking.deleted", id);
  });
}

}  // namespace maitred::app

// The booking use cases against a real SQLite store in a temp folder: what
// each one writes, refuses, and records as events — one event per write, in
// the write's transaction, none for a write that was refused.

#include "app/booking_service.hpp"

#include <gtest/gtest.h>

#include "domain/errors.hpp"
#include "one_table_restaurant.hpp"

namespace maitred::app {
namespace {

using namespace std::chrono_literals;

class BookingServiceTest : public OneTableRestaurant {
 protected:
  BookingServiceTest() { restaurant_.booking_rules.min_notice_minutes = 0; }
  BookingContext context() { return {store_, clock_, restaurant_, {"apiKey", "K1"}}; }

  // The events after the restaurant's creation, by type.
  std::vector<std::string> event_types() {
    std::vector<std::string> types;
    for (const auto& e : store_.read_events({restaurant_.id, 1, 100, {}}).events) types.push_back(e.type);
    return types;
  }
  std::vector<domain::Event> events() { return store_.read_events({restaurant_.id, 1, 100, {}}).events; }

  static domain::BookingDraft friday_dinner(int people = 2) {
    domain::BookingDraft changes;
    changes.date = "2026-12-04";
    changes.time = "19:00";
    changes.people = people;
    changes.guest_name = "Ann Hansen";
    changes.guest_email = "ann@example.com";
    return changes;
  }
};

TEST_F(BookingServiceTest, ACreateWritesTheBookingItsCustomerAndTheirEvents) {
  auto created = create_booking(context(), friday_dinner(), std::nullopt);
  auto booking = store_.bookings().find_booking(restaurant_.id, created.id);
  ASSERT_TRUE(booking);
  EXPECT_EQ(booking->people, 2);
  EXPECT_EQ(booking->tables.size(), 1u) << "the engine seated the party at F1";
  EXPECT_FALSE(booking->customer_id.empty());

  auto log = events();
  ASSERT_EQ(log.size(), 2u);
  EXPECT_EQ(log[0].type, "customer.created");
  EXPECT_EQ(log[0].resource_id, booking->customer_id);
  EXPECT_EQ(log[1].type, "booking.created");
  EXPECT_EQ(log[1].resource_id, created.id);
  EXPECT_EQ(log[1].actor.type, "apiKey");
  EXPECT_EQ(log[1].actor.id, "K1");
  EXPECT_EQ(log[1].at, clock_.now());
  EXPECT_EQ(log[1].sequence, log[0].sequence + 1);
}

TEST_F(BookingServiceTest, ARefusedCreateLeavesNoEvent) {
  create_booking(context(), friday_dinner(), std::nullopt);
  const auto before = event_types();
  // The only table is taken at that time.
  EXPECT_THROW(create_booking(context(), friday_dinner(), std::nullopt), domain::InvalidInput);
  auto too_many = friday_dinner(9);
  EXPECT_THROW(create_booking(context(), too_many, std::nullopt), domain::InvalidInput);
  EXPECT_EQ(event_types(), before);
}

TEST_F(BookingServiceTest, AnUpdateRecordsTheChangedFieldsAndAStatusChangeSaysSo) {
  auto id = create_booking(context(), friday_dinner(), std::nullopt).id;
  domain::BookingDraft people;
  people.people = 3;
  clock_.advance(1min);
  update_booking(context(), id, people);
  domain::BookingDraft arrived;
  arrived.status = "arrived";
  update_booking(context(), id, arrived);
  update_booking(context(), id, people);  // the same again: no news, no event

  auto log = events();
  ASSERT_EQ(log.size(), 4u);
  EXPECT_EQ(log[2].type, "booking.updated");
  EXPECT_NE(log[2].changes_json.find(R"("field":"people","from":2,"to":3)"), std::string::npos) << log[2].changes_json;
  EXPECT_EQ(log[3].type, "booking.status_changed");
  EXPECT_NE(log[3].changes_json.find(R"("field":"status","from":"request","to":"arrived")"), std::string::npos)
      << log[3].changes_json;
}

TEST_F(BookingServiceTest, NotesCommentsAndErasureEachRecordOneEvent) {
  auto id = create_booking(context(), friday_dinner(), std::nullopt).id;
  add_restaurant_note(context(), id, "window seat", "Eva");
  add_comment(context(), id, "see you");
  erase_booking(context(), id);
  EXPECT_EQ(event_types(), (std::vector<std::string>{"customer.created", "booking.created", "booking.note_added",
                                                     "booking.comment_added", "booking.deleted"}));
  EXPECT_TRUE(events().back().changes_json.empty()) << "an erasure carries ids only";
  EXPECT_FALSE(store_.bookings().find_booking(restaurant_.id, id));
}

TEST_F(BookingServiceTest, AnIdempotentReplayWritesNothingAndRecordsNothing) {
  const IdempotentRequest key{"key-1", "hash-1"};
  auto first = create_booking(context(), friday_dinner(), key);
  const auto after_first = event_types();
  auto replay = create_booking(context(), friday_dinner(), key);
  EXPECT_TRUE(replay.replayed);
  EXPECT_EQ(replay.id, first.id);
  EXPECT_EQ(event_types(), after_first);
}

TEST_F(BookingServiceTest, ANewGuestContactUpdatesTheCustomerWithAnEvent) {
  auto id = create_booking(context(), friday_dinner(), std::nullopt).id;
  domain::BookingDraft renamed;
  renamed.guest_name = "Ann Hansen-Berg";
  update_booking(context(), id, renamed);
  auto log = events();
  ASSERT_EQ(log.size(), 4u);
  // The customer follows the booking inside the same transaction.
  EXPECT_EQ(log[2].type, "customer.updated");
  EXPECT_NE(log[2].changes_json.find(R"("field":"name")"), std::string::npos) << log[2].changes_json;
  EXPECT_EQ(log[3].type, "booking.updated");
}

}  // namespace
}  // namespace maitred::app

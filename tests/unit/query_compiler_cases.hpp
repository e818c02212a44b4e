#pragma once
// What both query compilers' tests select: six bookings, and the ids that
// customQuery expressions and sorts must give, in order. The SQLite and the
// PostgreSQL stores answer the same API tests, so their compilers answer
// these alike. Mapped columns: dateTime -> start_utc, status, people
// (integer); every other path is read from the JSON document.

#include <string>
#include <vector>

#include "domain/search_expression.hpp"

namespace maitred::test::query_cases {

using Ids = std::vector<std::string>;

struct Booking {
  const char* id;
  const char* status;
  const char* people;
  const char* start_utc;
  const char* doc;
};

struct Case {
  std::string text;  // a customQuery expression or a sort
  Ids ids;
};

// Six bookings, inserted out of id order so that only ORDER BY can sort them.
// b2 has no phone and a text `total`; b3 and b4 share a start and a people
// count so tie-breaking shows.
inline constexpr Booking kBookings[] = {
    {"b3", "approved", "4", "2026-11-24T18:00:00Z",
     R"({"status":"approved","people":4,"dateTime":"2026-11-24T18:00:00Z","date":"2026-11-24",)"
     R"("source":"Google Ads","total":120.5,"activityAt":"2026-11-24T10:00:00Z",)"
     R"("guest":{"name":"Anna Berg","phone":"+4511111111","notificationSms":true},)"
     R"("customFields":[{"name":"Allergy","value":"nuts"}]})"},
    {"b1", "request", "2", "2026-11-23T12:00:00Z",
     R"({"status":"request","people":2,"dateTime":"2026-11-23T12:00:00Z","date":"2026-11-23",)"
     R"("source":"website","total":40,"activityAt":"2026-11-23T09:00:00Z",)"
     R"("guest":{"name":"Bo O'Neil","phone":"4522222222","notificationSms":false}})"},
    {"b5", "approved", "6", "2026-11-25T19:30:00Z",
     R"({"status":"approved","people":6,"dateTime":"2026-11-25T19:30:00Z","date":"2026-11-25",)"
     R"("source":"google","total":300,"activityAt":"2026-11-24T11:30:00Z",)"
     R"("guest":{"name":"Carl","phone":"+45 33 33 33 33","notificationSms":true}})"},
    {"b2", "canceled", "2", "2026-11-24T12:00:00Z",
     R"({"status":"canceled","people":2,"dateTime":"2026-11-24T12:00:00Z","date":"2026-11-24",)"
     R"("source":"phone","total":"n/a","activityAt":"2026-11-24T09:59:59Z",)"
     R"("guest":{"name":"dora","email":"d@example.com"}})"},
    {"b6", "approved", "3", "2026-11-22T20:00:00Z",
     R"({"status":"approved","people":3,"dateTime":"2026-11-22T20:00:00Z","date":"2026-11-22",)"
     R"("source":"Google Maps","total":75,"activityAt":"2026-11-22T08:00:00Z",)"
     "\"guest\":{\"name\":\"\xC3\x89mile\",\"phone\":\"4511111111\",\"notificationSms\":false}}"},
    {"b4", "seated", "4", "2026-11-24T18:00:00Z",
     R"({"status":"seated","people":4,"dateTime":"2026-11-24T18:00:00Z","date":"2026-11-24",)"
     R"("source":"Google","total":120.5,"activityAt":"2026-11-25T08:00:00Z",)"
     R"("guest":{"name":"Eve","phone":"+4544444444","notificationSms":true}})"},
};

inline const std::vector<Case> kFilterCases = {
    {R"(people>2,status:"approved")", {"b3", "b5", "b6"}},
    {R"(date<"2026-11-24",source;"google")", {"b6"}},
    {R"(guest.phone:"4511111111")", {"b3", "b6"}},
    {R"(guest.phone:"+4511111111")", {"b3", "b6"}},
    {R"(guest.phone:"4533333333")", {"b5"}},
    {R"(guest.phone:"+45 33 33 33 33")", {"b5"}},
    {"guest.phone:4522222222", {"b1"}},
    {R"(guest.phone;"3333")", {}},  // contains is on the stored text
    {R"(activityAt>"2026-11-24T10:00:00Z")", {"b4", "b5"}},
    {R"(activityAt>"2026-11-24T11:00:00+01:00")", {"b4", "b5"}},
    {R"(activityAt<"2026-11-24T10:00:00Z")", {"b1", "b2", "b6"}},
    {R"(activityAt:"2026-11-24T05:00:00-05:00")", {"b3"}},
    {R"(dateTime>"2026-11-24")", {"b2", "b3", "b4", "b5"}},
    {R"(dateTime<"2026-11-24T12:00:00Z")", {"b1", "b6"}},
    {R"(dateTime:"2026-11-24T19:00:00+01:00")", {"b3", "b4"}},
    {R"(date:"2026-11-24")", {"b2", "b3", "b4"}},
    {"guest.notificationSms:true", {"b3", "b4", "b5"}},
    {"guest.notificationSms:false", {"b1", "b6"}},
    {"total>100", {"b3", "b4", "b5"}},  // b2's text "n/a" is not a number
    {"total<100", {"b1", "b6"}},
    {"total:120.5", {"b3", "b4"}},
    {"people:2", {"b1", "b2"}},
    {R"(people:"2")", {"b1", "b2"}},  // SQLite's integer affinity reads "2" as 2
    {"people>3.5,people<6", {"b3", "b4"}},
    {R"(guest.name;"ANNA")", {"b3"}},
    {R"(source;"GOOGLE")", {"b3", "b4", "b5", "b6"}},
    {R"(guest.name:"Anna Berg")", {"b3"}},
    {R"(guest.name:"anna berg")", {}},  // equality is exact
    {R"(guest.name:"Bo O'Neil")", {"b1"}},
    {R"(guest.email;"example")", {"b2"}},
    {R"(customFields.0.value:"nuts")", {"b3"}},
    {R"(customFields.0.name;"allerg")", {"b3"}},
    {R"(status:"approved",people:4)", {"b3"}},
    {R"(no.such.field:"x")", {}},
    {"no.such.field>1", {}},
    {R"(status>"2026-01-01")", {"b1", "b2", "b3", "b4", "b5", "b6"}},  // text vs date: string order
    {"status<5", {}},                                                  // numbers never meet text
    {R"(total<"2026-01-01")", {}},                                     // nor dates numbers
    {R"(people<"2026-11-24")", {}},
    {"", {"b1", "b2", "b3", "b4", "b5", "b6"}},
};

inline const std::vector<Case> kSortCases = {
    {"", {"b1", "b2", "b3", "b4", "b5", "b6"}},
    {"people:1", {"b1", "b2", "b6", "b3", "b4", "b5"}},
    {"people:-1", {"b5", "b3", "b4", "b6", "b1", "b2"}},
    {"dateTime:1", {"b6", "b1", "b2", "b3", "b4", "b5"}},
    {"dateTime:-1,guest.name:-1", {"b5", "b4", "b3", "b2", "b1", "b6"}},
    {"status:1,people:-1", {"b5", "b3", "b6", "b2", "b1", "b4"}},
    // Missing first, then text in byte order ('+' sorts before digits).
    {"guest.phone:1", {"b2", "b5", "b3", "b4", "b6", "b1"}},
    // Text sorts above every number.
    {"total:-1", {"b2", "b5", "b3", "b4", "b6", "b1"}},
    {"customFields.0.value:-1", {"b3", "b1", "b2", "b4", "b5", "b6"}},
    // Booleans as 0 and 1, after a missing field.
    {"guest.notificationSms:1", {"b2", "b1", "b6", "b3", "b4", "b5"}},
};

// Hand-built expressions the parser would never produce: paths that are no
// field paths, and meanings it refuses. A compiler throws
// std::invalid_argument for each.
inline std::vector<domain::SearchExpression> refused_expressions() {
  auto one_term = [](std::string path, domain::SearchOp op, domain::SearchValue value) {
    domain::SearchExpression expression;
    expression.terms.push_back({std::move(path), op, std::move(value), 0});
    return expression;
  };
  domain::SearchValue number;
  number.kind = domain::SearchValue::Kind::number;
  return {one_term("a') OR 1=1 --", domain::SearchOp::equals, {}), one_term("a}\",\"b", domain::SearchOp::equals, {}),
          one_term("a", domain::SearchOp::contains, number), one_term("a", domain::SearchOp::less, {})};
}

}  // namespace maitred::test::query_cases

#pragma once
// Create bodies for POST /v1/bookings, shared by the booking tests.

#include <string>

namespace maitred::test {

// A minimal create body: date, time, people and guest.name, plus `extra`
// members (JSON text without the surrounding braces).
inline std::string booking_body(const std::string& date, const std::string& time, int people,
                                const std::string& extra = {}, const std::string& guest = R"({"name":"Ann Hansen"})") {
  std::string body = R"({"date":")" + date + R"(","time":")" + time + R"(","people":)" + std::to_string(people) +
                     R"(,"guest":)" + guest;
  if (!extra.empty()) body += "," + extra;
  return body + "}";
}

// The same with "allowOverbooking": true, for tests about the booking
// document and lists rather than seating: they book at any hour, on closed
// days and many at one time, which the seating check would refuse. Such a
// booking is written as given: with the tables it names, or none.
inline std::string overbooking_body(const std::string& date, const std::string& time, int people,
                                    const std::string& extra = {},
                                    const std::string& guest = R"({"name":"Ann Hansen"})") {
  return booking_body(date, time, people,
                      extra.empty() ? R"("allowOverbooking":true)" : extra + R"(,"allowOverbooking":true)", guest);
}

}  // namespace maitred::test

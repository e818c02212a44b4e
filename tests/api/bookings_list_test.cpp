// GET /v1/bookings: date ranges, paging, sorting, searching and the
// "what changed since" sync, against the real server (SPEC.md section 4).

#include <date/date.h>
#include <rapidjson/stringbuffer.h>
#include <rapidjson/writer.h>

#include <algorithm>
#include <chrono>
#include <map>
#include <set>
#include <sstream>
#include <string>
#include <thread>
#include <vector>

#include "api/api_fixture.hpp"
#include "api/booking_bodies.hpp"
#include "api/json_paths.hpp"
#include "api/query_encoding.hpp"

namespace maitred::test {
namespace {

using Ids = std::vector<std::string>;

class BookingListTest : public ApiTest {
 protected:
  std::vector<std::string> server_args() const override { return {"--rate-limit", "100000"}; }

  std::string create(const std::string& body) {
    Reply r = call("POST", "/v1/bookings", body);
    EXPECT_EQ(r.status, 200u) << body << " -> " << r.body;
    if (r.status != 200) return {};
    auto doc = parse(r.body);
    return doc.IsString() ? doc.GetString() : std::string{};
  }

  rapidjson::Document booking(const std::string& id) { return parse(call("GET", "/v1/bookings/" + id).body); }

  // GET /v1/bookings?<query>: the ids, or a failure when not 200.
  Ids list(const std::string& query, const Headers& extra = {}) {
    Reply r = call("GET", "/v1/bookings" + (query.empty() ? "" : "?" + query), {}, extra);
    EXPECT_EQ(r.status, 200u) << query << " -> " << r.body;
    auto doc = parse(r.body);
    EXPECT_TRUE(doc.IsArray()) << r.body;
    return ids_of(doc);
  }
  Ids search(const std::string& expression, const std::string& more = {}) {
    return list("customQuery=" + encode(expression) + (more.empty() ? "" : "&" + more));
  }

  void expect_refused(const std::string& query, const std::string& code, const std::string& field,
                      const Headers& extra = {}) {
    Reply r = call("GET", "/v1/bookings?" + query, {}, extra);
    EXPECT_EQ(r.status, 422u) << query << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "code"), code) << query << " -> " << r.body;
    EXPECT_EQ(string_at(r.body, "field"), field) << query << " -> " << r.body;
    EXPECT_GT(string_at(r.body, "message").size(), 10u);
  }
};

// Moves the pinned clock: a server of its own.
class BookingListClockTest : public BookingListTest {
 protected:
  bool own_server() const override { return true; }
};

TEST_F(BookingListTest, ABareArrayInStartTimeOrderWithEveryStatus) {
  const std::string late = create(overbooking_body("2026-12-04", "21:00", 2));
  const std::string early = create(overbooking_body("2026-12-04", "12:00", 2, R"("status":"canceled")"));
  const std::string next_day = create(overbooking_body("2026-12-05", "08:00", 2, R"("status":"declined")"));
  const std::string middle = create(overbooking_body("2026-12-04", "18:30", 2, R"("status":"no_show")"));
  Reply r = call("GET", "/v1/bookings");
  ASSERT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.header("content-type"), "application/json; charset=utf-8");
  auto doc = parse(r.body);
  ASSERT_TRUE(doc.IsArray());
  EXPECT_EQ(ids_of(doc), (Ids{early, middle, late, next_day}));
  // Full documents, as GET /v1/bookings/{id} gives them.
  EXPECT_EQ(at(doc, "0"), at(booking(early), ""));
  EXPECT_EQ(at(doc, "3.status"), "\"declined\"");
}

TEST_F(BookingListTest, ADateAloneMeansThatWholeLocalDay) {
  const std::string before = create(overbooking_body("2026-12-03", "23:59", 2));  // 2026-12-03T22:59:00Z
  const std::string first = create(overbooking_body("2026-12-04", "00:00", 2));   // 2026-12-03T23:00:00Z
  const std::string last = create(overbooking_body("2026-12-04", "23:59", 2));    // 2026-12-04T22:59:00Z
  const std::string after = create(overbooking_body("2026-12-05", "00:00", 2));   // 2026-12-04T23:00:00Z

  EXPECT_EQ(list("fromDateTime=2026-12-04&toDateTime=2026-12-04"), (Ids{first, last}));
  EXPECT_EQ(list("fromDateTime=2026-12-03&toDateTime=2026-12-04"), (Ids{before, first, last}));
  EXPECT_EQ(list("fromDateTime=2026-12-05&toDateTime=2026-12-05"), (Ids{after}));
  EXPECT_EQ(list("fromDateTime=2026-12-06&toDateTime=2026-12-31"), Ids{});

  // A summer day is UTC+2; a day the clocks go forward has 23 hours.
  const std::string summer = create(overbooking_body("2026-07-04", "00:30", 2));  // 2026-07-03T22:30:00Z
  EXPECT_EQ(list("fromDateTime=2026-07-04&toDateTime=2026-07-04"), (Ids{summer}));
  EXPECT_EQ(list("fromDateTime=2026-07-03&toDateTime=2026-07-03"), Ids{});
  const std::string short_day = create(overbooking_body("2027-03-28", "23:30", 2));  // 21:30Z
  const std::string day_after = create(overbooking_body("2027-03-29", "00:00", 2));  // 22:00Z
  EXPECT_EQ(list("fromDateTime=2027-03-28&toDateTime=2027-03-28"), (Ids{short_day}));
  EXPECT_EQ(list("fromDateTime=2027-03-29&toDateTime=2027-03-29"), (Ids{day_after}));
  // The day the clocks go back has 25 hours.
  const std::string long_first = create(overbooking_body("2026-10-25", "00:30", 2));  // 2026-10-24T22:30:00Z
  const std::string long_last = create(overbooking_body("2026-10-25", "23:30", 2));   // 2026-10-25T22:30:00Z
  const std::string long_next = create(overbooking_body("2026-10-26", "00:00", 2));   // 2026-10-25T23:00:00Z
  EXPECT_EQ(list("fromDateTime=2026-10-25&toDateTime=2026-10-25"), (Ids{long_first, long_last}));
  EXPECT_EQ(list("fromDateTime=2026-10-26&toDateTime=2026-10-26"), (Ids{long_next}));
}

TEST_F(BookingListTest, ADateTimeWithZOrAnOffsetIsThatInstantBothEndsIncluded) {
  const std::string a = create(overbooking_body("2026-12-04", "19:00", 2));  // 18:00Z
  const std::string b = create(overbooking_body("2026-12-04", "20:00", 2));  // 19:00Z
  const std::string c = create(overbooking_body("2026-12-04", "20:15", 2));  // 19:15Z

  EXPECT_EQ(list("fromDateTime=2026-12-04T18:00:00Z&toDateTime=2026-12-04T19:00:00Z"), (Ids{a, b}));
  EXPECT_EQ(list("fromDateTime=2026-12-04T18:00:01Z&toDateTime=2026-12-04T19:14:59Z"), (Ids{b}));
  EXPECT_EQ(list("fromDateTime=2026-12-04T18:00:00.000Z&toDateTime=2026-12-04T19:15:00.000Z"), (Ids{a, b, c}));
  // +01:00 is Copenhagen in winter; +00:00 and -05:00 are other zones' clocks.
  EXPECT_EQ(list("fromDateTime=2026-12-04T19:00:00" + encode("+01:00") + "&toDateTime=2026-12-04T20:00:00" +
                 encode("+01:00")),
            (Ids{a, b}));
  EXPECT_EQ(list("fromDateTime=2026-12-04T19:00:00" + encode("+00:00") + "&toDateTime=2026-12-04T23:59:00" +
                 encode("+00:00")),
            (Ids{b, c}));
  EXPECT_EQ(list("fromDateTime=2026-12-04T13:00:00-05:00&toDateTime=2026-12-04T14:00:00-05:00"), (Ids{a, b}));
}

TEST_F(BookingListTest, ADateTimeWithoutOffsetIsTheRestaurantsWallClock) {
  const std::string a = create(overbooking_body("2026-12-04", "00:30", 2));
  const std::string b = create(overbooking_body("2026-12-04", "19:00", 2));
  const std::string c = create(overbooking_body("2026-12-05", "00:30", 2));
  // "Today's bookings" as integrations ask for them.
  EXPECT_EQ(list("fromDateTime=2026-12-04T00:00:00&toDateTime=2026-12-04T23:59:59"), (Ids{a, b}));
  EXPECT_EQ(list("fromDateTime=2026-12-04T19:00:00&toDateTime=2026-12-04T19:00:00"), (Ids{b}));
  EXPECT_EQ(list("fromDateTime=2026-12-04T19:00&toDateTime=2026-12-05T00:30"), (Ids{b, c}));
  const std::string summer = create(overbooking_body("2026-07-04", "19:00", 2));
  EXPECT_EQ(list("fromDateTime=2026-07-04T19:00:00&toDateTime=2026-07-04T19:00:00"), (Ids{summer}));
  EXPECT_EQ(list("fromDateTime=2026-07-04T17:00:00Z&toDateTime=2026-07-04T17:00:00Z"), (Ids{summer}));
}

// Days in the restaurant's own zone, also where midnight does not exist.
TEST_F(BookingListTest, DaysFollowTheRestaurantsTimeZone) {
  auto made = run_maitred(
      {"restaurant", "create", "--name", "Santiago", "--timezone", "America/Santiago", "--data", data().string()});
  ASSERT_EQ(made.exit_code, 0) << made.err;
  auto made_key = run_maitred({"key", "create", "--restaurant", string_at(made.out, "_id"), "--data", data().string()});
  ASSERT_EQ(made_key.exit_code, 0) << made_key.err;
  const std::string santiago = made_key.last_line();
  auto as_santiago = [&](const std::string& method, const std::string& target, const std::string& body = {}) {
    Headers headers{{"Authorization", basic_auth(santiago)}};
    if (!body.empty()) headers.emplace_back("Content-Type", "application/json");
    return send(method, target, headers, body);
  };
  auto create_there = [&](const std::string& date, const std::string& time) {
    Reply r = as_santiago("POST", "/v1/bookings", overbooking_body(date, time, 2));
    EXPECT_EQ(r.status, 200u) << date << " " << time << " -> " << r.body;
    auto doc = parse(r.body);
    return doc.IsString() ? std::string(doc.GetString()) : std::string{};
  };
  auto list_there = [&](const std::string& query) {
    Reply r = as_santiago("GET", "/v1/bookings?" + query);
    EXPECT_EQ(r.status, 200u) << r.body;
    return ids_of(parse(r.body));
  };

  // 2026-09-06 in Santiago: 00:00 -04 jumps to 01:00 -03.
  EXPECT_EQ(as_santiago("POST", "/v1/bookings", overbooking_body("2026-09-06", "00:30", 2)).status, 422u);
  const std::string late = create_there("2026-09-05", "23:30");   // 2026-09-06T03:30:00Z
  const std::string first = create_there("2026-09-06", "01:00");  // 2026-09-06T04:00:00Z
  EXPECT_EQ(at(parse(as_santiago("GET", "/v1/bookings/" + late).body), "dateTime"), "\"2026-09-06T03:30:00Z\"");
  EXPECT_EQ(at(parse(as_santiago("GET", "/v1/bookings/" + first).body), "dateTime"), "\"2026-09-06T04:00:00Z\"");
  EXPECT_EQ(list_there("fromDateTime=2026-09-06&toDateTime=2026-09-06"), (Ids{first}));
  EXPECT_EQ(list_there("fromDateTime=2026-09-05&toDateTime=2026-09-05"), (Ids{late}));
  EXPECT_EQ(list_there("fromDateTime=2026-09-06T00:00:00&toDateTime=2026-09-06T23:59:59"), (Ids{first}));
  // The restaurants' lists stay apart.
  EXPECT_EQ(list(""), Ids{});

  // A half-hour offset.
  auto kolkata = run_maitred(
      {"restaurant", "create", "--name", "Kolkata", "--timezone", "Asia/Kolkata", "--data", data().string()});
  ASSERT_EQ(kolkata.exit_code, 0) << kolkata.err;
  auto kolkata_key =
      run_maitred({"key", "create", "--restaurant", string_at(kolkata.out, "_id"), "--data", data().string()});
  auto c = client();
  Headers headers{{"Authorization", basic_auth(kolkata_key.last_line())}, {"Content-Type", "application/json"}};
  Reply r = c.request("POST", "/v1/bookings", headers, overbooking_body("2026-12-04", "19:00", 2));
  ASSERT_EQ(r.status, 200u) << r.body;
  Reply read = c.request("GET", std::string("/v1/bookings/") + parse(r.body).GetString(),
                         {{"Authorization", basic_auth(kolkata_key.last_line())}});
  EXPECT_EQ(at(parse(read.body), "dateTime"), "\"2026-12-04T13:30:00Z\"");
}

TEST_F(BookingListTest, ARangeGivenOnOneSideIsOpenEnded) {
  const std::string a = create(overbooking_body("2026-12-03", "19:00", 2));
  const std::string b = create(overbooking_body("2026-12-04", "19:00", 2));
  const std::string c = create(overbooking_body("2026-12-05", "19:00", 2));
  EXPECT_EQ(list("fromDateTime=2026-12-04"), (Ids{b, c}));
  EXPECT_EQ(list("toDateTime=2026-12-04"), (Ids{a, b}));
  EXPECT_EQ(list("fromDateTime=&toDateTime="), (Ids{a, b, c}));
}

TEST_F(BookingListTest, AnUnreadableRangeIs422) {
  for (const char* bad :
       {"yesterday", "2026-13-01", "2026-12-04T25:00:00", "2026-12-04 19:00", "04.12.2026", "2026-12-04T19"}) {
    expect_refused("fromDateTime=" + encode(bad), "invalid_parameter", "fromDateTime");
    expect_refused("toDateTime=" + encode(bad), "invalid_parameter", "toDateTime");
  }
}

TEST_F(BookingListTest, LimitDefaultsTo100AndCannotExceedIt) {
  Ids all;
  for (int i = 0; i < 105; ++i) {
    const int minutes = 11 * 60 + i * 5;
    char time[16];
    std::snprintf(time, sizeof time, "%02d:%02d", minutes / 60, minutes % 60);
    all.push_back(create(overbooking_body("2026-12-20", time, 2)));
  }
  EXPECT_EQ(list(""), Ids(all.begin(), all.begin() + 100));
  EXPECT_EQ(list("limit=100"), Ids(all.begin(), all.begin() + 100));
  EXPECT_EQ(list("limit=5"), Ids(all.begin(), all.begin() + 5));
  EXPECT_EQ(list("limit=5&skip=100"), Ids(all.begin() + 100, all.end()));
  EXPECT_EQ(list("skip=103"), Ids(all.begin() + 103, all.end()));
  EXPECT_EQ(list("offset=103"), Ids(all.begin() + 103, all.end()));  // Reception Star's name for skip
  EXPECT_EQ(list("skip=105"), Ids{});
  EXPECT_EQ(list("skip=100000"), Ids{});

  expect_refused("limit=101", "invalid_parameter", "limit");
  expect_refused("limit=1000", "invalid_parameter", "limit");
  expect_refused("limit=-1", "invalid_parameter", "limit");
  expect_refused("limit=ten", "invalid_parameter", "limit");
  expect_refused("limit=", "invalid_parameter", "limit");
  expect_refused("skip=-1", "invalid_parameter", "skip");
  expect_refused("skip=1.5", "invalid_parameter", "skip");
  expect_refused("offset=x", "invalid_parameter", "offset");
}

// Clients page with limit=100 and skip += 100 until a short page: with many
// bookings at the same start time the order must still be one order.
TEST_F(BookingListTest, PagingThroughManyBookingsWithEqualStartTimesSeesEachOnce) {
  const std::vector<std::string> times = {"12:00", "12:00", "12:30", "18:00", "19:00", "19:00", "19:00", "21:15"};
  std::set<std::string> created;
  for (int i = 0; i < 250; ++i) {
    const std::string id = create(overbooking_body("2026-12-12", times[static_cast<std::size_t>(i) % times.size()],
                                                   1 + i % 6, {}, R"({"name":"Guest )" + std::to_string(i) + R"("})"));
    ASSERT_FALSE(id.empty());
    created.insert(id);
  }
  ASSERT_EQ(created.size(), 250u);
  // Neighbours outside the day.
  create(overbooking_body("2026-12-11", "23:59", 2));
  create(overbooking_body("2026-12-13", "00:00", 2));

  for (const std::string sort : {"", "&sort=status:1", "&sort=people:-1"}) {
    std::vector<rapidjson::Document> pages;
    Ids seen;
    std::vector<std::pair<std::string, std::string>> keys;  // (dateTime, _id) in the order received
    for (int skip = 0;; skip += 100) {
      Reply r = call("GET", "/v1/bookings?fromDateTime=2026-12-12&toDateTime=2026-12-12&limit=100&skip=" +
                                std::to_string(skip) + sort);
      ASSERT_EQ(r.status, 200u) << r.body;
      auto page = parse(r.body);
      ASSERT_TRUE(page.IsArray());
      for (const auto& b : page.GetArray()) {
        seen.emplace_back(b["_id"].GetString());
        keys.emplace_back(b["dateTime"].GetString(), b["_id"].GetString());
      }
      if (page.Size() < 100) break;
      ASSERT_LT(skip, 1000) << "paging does not end";
    }
    EXPECT_EQ(seen.size(), 250u) << sort;
    EXPECT_EQ(std::set<std::string>(seen.begin(), seen.end()), created) << sort;
    if (sort.empty()) {
      // Start time ascending, ties broken by id.
      EXPECT_TRUE(std::ranges::is_sorted(keys)) << "not in (dateTime, _id) order";
    }
    // The same query in one go (where it fits) gives the same order.
    EXPECT_EQ(list("fromDateTime=2026-12-12&toDateTime=2026-12-12&limit=100&skip=150" + sort),
              Ids(seen.begin() + 150, seen.end()))
        << sort;
  }
}

TEST_F(BookingListTest, SortByAnyFieldInEitherDirectionWithTiesById) {
  const std::string a = create(overbooking_body("2026-12-04", "19:00", 4, {}, R"({"name":"Carla"})"));
  const std::string b = create(overbooking_body("2026-12-04", "18:00", 2, {}, R"({"name":"Anders"})"));
  const std::string c = create(overbooking_body("2026-12-04", "20:00", 4, {}, R"({"name":"Bo"})"));
  const std::string d = create(overbooking_body("2026-12-04", "17:00", 6, {}, R"({"name":"Dorte"})"));

  EXPECT_EQ(list("sort=dateTime:1"), (Ids{d, b, a, c}));
  EXPECT_EQ(list("sort=dateTime:-1"), (Ids{c, a, b, d}));
  EXPECT_EQ(list("sort=guest.name:1"), (Ids{b, c, a, d}));
  EXPECT_EQ(list("sort=guest.name:-1"), (Ids{d, a, c, b}));
  EXPECT_EQ(list("sort=people:-1,time:1"), (Ids{d, a, c, b}));
  EXPECT_EQ(list("sort=people:1,time:-1"), (Ids{b, c, a, d}));
  EXPECT_EQ(list("sort=" + encode("people:-1, dateTime:-1")), (Ids{d, c, a, b}));
  // Equal keys: by id.
  Ids four_by_id = {a, c};
  std::ranges::sort(four_by_id);
  EXPECT_EQ(list("sort=people:1&limit=2&skip=1"), four_by_id);

  for (const char* bad : {"people:2", "people:", ":1", "people:1,people:-1", "peo ple:1", "people;1"}) {
    expect_refused("sort=" + encode(bad), "invalid_sort", "sort");
  }
}

TEST_F(BookingListTest, CustomQueryFiltersAsAHeaderOrAParameter) {
  const std::string big_approved =
      create(overbooking_body("2026-12-04", "19:00", 4, R"("status":"approved","source":"phone")"));
  const std::string big_request = create(overbooking_body("2026-12-04", "19:30", 5));
  const std::string small_approved = create(overbooking_body("2026-12-04", "20:00", 2, R"("status":"approved")"));
  const std::string other_day =
      create(overbooking_body("2026-12-05", "19:00", 3, R"("status":"approved","metadata":{"posId":42})"));

  const std::string expression = R"(people>2,status:"approved")";
  EXPECT_EQ(list("", {{"customQuery", expression}}), (Ids{big_approved, other_day}));
  EXPECT_EQ(search(expression), (Ids{big_approved, other_day}));
  EXPECT_EQ(search(expression, "fromDateTime=2026-12-04&toDateTime=2026-12-04"), (Ids{big_approved}));

  EXPECT_EQ(search("people<3"), (Ids{small_approved}));
  EXPECT_EQ(search("people:5"), (Ids{big_request}));
  EXPECT_EQ(search(R"(status:"request")"), (Ids{big_request}));
  EXPECT_EQ(search(R"(source:"phone")"), (Ids{big_approved}));
  EXPECT_EQ(search(R"(date:"2026-12-05")"), (Ids{other_day}));
  EXPECT_EQ(search(R"(date<"2026-12-05")"), (Ids{big_approved, big_request, small_approved}));
  EXPECT_EQ(search(R"(dateTime>"2026-12-04T18:15:00Z")"), (Ids{big_request, small_approved, other_day}));
  EXPECT_EQ(search(R"(dateTime>"2026-12-04T18:30:00Z")"), (Ids{small_approved, other_day}));  // strictly after
  EXPECT_EQ(search(R"(time:"19:30")"), (Ids{big_request}));
  EXPECT_EQ(search("metadata.posId:42"), (Ids{other_day}));
  EXPECT_EQ(search(R"(status:"approved", people > 3)"), (Ids{big_approved}));
  EXPECT_EQ(search(R"(status:"seated")"), Ids{});
  // With onlyConfirmed and paging on top.
  EXPECT_EQ(search("people>1", "onlyConfirmed=true&limit=2&skip=1"), (Ids{small_approved, other_day}));
}

TEST_F(BookingListTest, SearchByNameEmailAndPhone) {
  const std::string ann = create(overbooking_body("2026-12-04", "19:00", 2, {},
                                                  R"({"name":"Ann Hansen","email":"ann@example.com",)"
                                                  R"("phone":"+45 11 11 11 11","notificationSms":true})"));
  const std::string bo = create(overbooking_body(
      "2026-12-04", "20:00", 2, {}, R"({"name":"Bo Jensen","email":"bo@example.org","phone":"+4622222222"})"));
  const std::string carl = create(overbooking_body("2026-12-04", "21:00", 2, {}, R"({"name":"Carl HANSEN"})"));

  // Phones are matched as digits with the country code first.
  EXPECT_EQ(search(R"(guest.phone:"4511111111")"), (Ids{ann}));
  EXPECT_EQ(search(R"(guest.phone:"+4511111111")"), (Ids{ann}));
  EXPECT_EQ(search(R"(guest.phone:"45 11 11 11 11")"), (Ids{ann}));
  EXPECT_EQ(search(R"(guest.phone:"11111111")"), Ids{});
  EXPECT_EQ(search(R"(guest.phone:"4622222222")"), (Ids{bo}));
  // ';' is contains, without regard to case.
  EXPECT_EQ(search(R"(guest.name;"hansen")"), (Ids{ann, carl}));
  EXPECT_EQ(search(R"(guest.email;"example.org")"), (Ids{bo}));
  EXPECT_EQ(search(R"(guest.name:"Ann Hansen")"), (Ids{ann}));
  EXPECT_EQ(search(R"(guest.name:"ann hansen")"), Ids{});
  EXPECT_EQ(search("guest.notificationSms:true"), (Ids{ann}));
  EXPECT_EQ(search("guest.notificationSms:false"), (Ids{bo, carl}));
}

TEST_F(BookingListTest, AMalformedSearchIs422) {
  create(overbooking_body("2026-12-04", "19:00", 2));
  for (const char* bad : {"people>", "people", R"(status:approved)", R"(status:"approved)", "people>>2", "people~2",
                          ",", R"(people>2,)", R"(guest..name:"a")", R"(people;2)", R"(status>"approved")"}) {
    expect_refused("customQuery=" + encode(bad), "invalid_search", "customQuery");
    expect_refused("limit=10", "invalid_search", "customQuery", {{"customQuery", bad}});
  }
}

TEST_F(BookingListTest, SearchValuesAreDataNeverSql) {
  const std::string id = create(overbooking_body("2026-12-04", "19:00", 2, {}, R"({"name":"O'Brien \"Bobby\""})"));
  for (const char* expression : {R"(status:"x' OR '1'='1")", R"(status:"request') OR 1=1 --")", R"(guest.name;"%")",
                                 R"(guest.name;"_")", R"(status:"request\" OR 1=1 --")"}) {
    EXPECT_EQ(search(expression), Ids{}) << expression;
  }
  EXPECT_EQ(search(R"(guest.name;"O'Brien")"), (Ids{id}));
  EXPECT_EQ(search(R"(guest.name:"O'Brien \"Bobby\"")"), (Ids{id}));
}

TEST_F(BookingListTest, OnlyConfirmedKeepsApprovedArrivedSeatedAndLeft) {
  std::map<std::string, std::string> by_status;
  int minute = 0;
  for (const char* status :
       {"request", "approved", "declined", "waitlist", "arrived", "seated", "left", "no_show", "canceled"}) {
    char time[16];
    std::snprintf(time, sizeof time, "19:%02d", minute);
    minute += 5;
    by_status[status] = create(overbooking_body("2026-12-04", time, 2, std::string(R"("status":")") + status + "\""));
  }
  EXPECT_EQ(list("onlyConfirmed=true"),
            (Ids{by_status["approved"], by_status["arrived"], by_status["seated"], by_status["left"]}));
  EXPECT_EQ(list("onlyConfirmed=false").size(), 9u);
  EXPECT_EQ(list("").size(), 9u);
  expect_refused("onlyConfirmed=yes", "invalid_parameter", "onlyConfirmed");
}

// A client that keeps a copy asks "what changed since my last sync" and gets
// the changes in the order they happened.
TEST_F(BookingListClockTest, WhatChangedSinceWithActivityAtInActivityOrder) {
  const std::string a = create(overbooking_body("2026-12-04", "19:00", 2));
  const std::string b = create(overbooking_body("2026-12-04", "20:00", 2));
  const std::string c = create(overbooking_body("2026-12-05", "19:00", 2));
  std::string synced;
  for (const auto& id : {a, b, c}) synced = std::max(synced, text_at(booking(id), "activityAt"));
  ASSERT_FALSE(synced.empty());
  const auto next_second = [this] { clock().advance(std::chrono::seconds(1)); };

  next_second();
  ASSERT_EQ(call("PUT", "/v1/bookings/" + b, R"({"people":5})").status, 200u);
  next_second();
  const std::string d = create(overbooking_body("2026-12-01", "12:00", 2));
  next_second();
  ASSERT_EQ(call("POST", "/v1/bookings/" + a + "/restaurantNote", R"({"text":"Called to confirm"})").status, 200u);

  const std::string since = "activityAt>\"" + synced + "\"";
  EXPECT_EQ(search(since, "sort=activityAt:1"), (Ids{b, d, a}));
  EXPECT_EQ(list("sort=activityAt:1", {{"customQuery", since}}), (Ids{b, d, a}));
  EXPECT_EQ(search(since, "sort=activityAt:-1"), (Ids{a, d, b}));

  // From the next sync point on, only what happened after it.
  const std::string later = text_at(booking(b), "activityAt");
  EXPECT_EQ(search("activityAt>\"" + later + "\"", "sort=activityAt:1"), (Ids{d, a}));
  EXPECT_EQ(search("activityAt>\"" + text_at(booking(a), "activityAt") + "\"", "sort=activityAt:1"), Ids{});
  EXPECT_EQ(search("activityAt<\"" + synced + "\"", "sort=activityAt:1"), Ids{});
  // A sync point written with an offset means the same instant.
  std::chrono::sys_seconds instant;
  std::istringstream in(synced);
  in >> date::parse("%FT%TZ", instant);
  ASSERT_FALSE(in.fail()) << synced;
  const std::string with_offset = date::format("%FT%T", instant + std::chrono::hours(1)) + "+01:00";
  EXPECT_EQ(search("activityAt>\"" + with_offset + "\"", "sort=activityAt:1"), (Ids{b, d, a}));
  // Canceling is a change too; deleting removes the booking from the answer.
  next_second();
  const std::string before_cancel = text_at(booking(a), "activityAt");
  ASSERT_EQ(call("PUT", "/v1/bookings/" + c, R"({"status":"canceled"})").status, 200u);
  ASSERT_EQ(call("DELETE", "/v1/bookings/" + d).status, 204u);
  EXPECT_EQ(search("activityAt>\"" + before_cancel + "\"", "sort=activityAt:1"), (Ids{c}));
  EXPECT_EQ(search(since, "sort=activityAt:1"), (Ids{b, a, c}));
}

}  // namespace
}  // namespace maitred::test

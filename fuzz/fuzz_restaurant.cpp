#include "fuzz_restaurant.hpp"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include "core/time_format.hpp"
#include "domain/setup.hpp"
#include "domain/setup_rules.hpp"
#include "json/setup_codec.hpp"
#include "store/sqlite/sqlite_store.hpp"

namespace maitred::fuzz {

namespace {

using store::Collection;

std::filesystem::path make_folder() {
  std::filesystem::path base =
      std::filesystem::exists("/dev/shm") ? "/dev/shm" : std::filesystem::temp_directory_path();
  std::string pattern = (base / "maitred-fuzz.XXXXXX").string();
  if (mkdtemp(pattern.data()) == nullptr) std::abort();
  return pattern;
}

template <typename Doc, typename Write>
void insert(store::Store& store, Collection collection, const Doc& doc, Write write, core::SystemTime at,
            std::optional<std::string> unique_key = {}) {
  store.documents().insert_document(
      {collection, std::string(kRestaurantId), doc.id, json::to_json(doc, write), std::move(unique_key), false, at});
}

domain::CustomField field(std::string id, std::string name, std::string type, int sort_index) {
  domain::CustomField f;
  f.id = std::move(id);
  f.name = name;
  f.label = std::move(name);
  f.type = std::move(type);
  f.sort_index = sort_index;
  return f;
}

void add_setup(store::Store& store, core::SystemTime now) {
  insert(store, Collection::areas, domain::Area{"AAAAAAAAAAAAAAAAA", "Room", "", 0}, json::write_area, now);
  std::vector<domain::Table> tables(2);
  tables[0] = {"TTTTTTTTTTTTTTTT1", "T1", 1, 4, "AAAAAAAAAAAAAAAAA", "", true, 1};
  tables[1] = {"TTTTTTTTTTTTTTTT2", "T2", 2, 8, "", "", true, 2};
  auto write_table = [](json::JsonWriter& out, const domain::Table& t) { json::write_table(out, t, nullptr, false); };
  for (const auto& t : tables) insert(store, Collection::tables, t, write_table, now, domain::table_unique_key(t));
  domain::TableCombination both;
  both.id = "TTTTTTTTTTTTTTT12";
  both.table_ids = {tables[0].id, tables[1].id};
  both.seats_min = 4;
  both.seats_max = 12;
  domain::check_table_combination(both, tables);
  insert(store, Collection::table_combinations, both, json::write_table_combination, now);
  for (int day = 1; day <= 7; ++day) {
    domain::OpeningHour hour;
    hour.id = day == 1 ? "HHHHHHHHHHHHHHHHH" : "HHHHHHHHHHHHHHHH" + std::to_string(day);
    hour.name = "All day";
    hour.day = day;
    hour.open = 1000;
    hour.close = 2300;
    insert(store, Collection::opening_hours, hour, json::write_opening_hour, now);
  }
  auto occasion = field("FFFFFFFFFFFFFFFF2", "occasion", "dropdown", 2);
  occasion.choices = {{"CCCCCCCCCCCCCCCC1", "Birthday"}, {"CCCCCCCCCCCCCCCC2", "Business"}};
  for (const auto& f :
       {field("FFFFFFFFFFFFFFFF1", "allergies", "string", 1), occasion,
        field("FFFFFFFFFFFFFFFF3", "highChairs", "number", 3), field("FFFFFFFFFFFFFFFF4", "terrace", "checkbox", 4)}) {
    insert(store, Collection::custom_fields, f, json::write_custom_field, now);
  }
}

domain::Booking fixed_booking(const domain::Restaurant& r, core::SystemTime now) {
  domain::Booking b;
  b.id = kBookingId;
  b.restaurant_id = r.id;
  b.date = "2027-01-08";
  b.time = 19 * 60;
  b.date_time = *core::parse_utc("2027-01-08T18:00:00Z");
  b.guest.name = "Anna";
  b.created_at = b.activity_at = now;
  return b;
}

}  // namespace

FuzzRestaurant::FuzzRestaurant() : folder_(make_folder()), clock_(*core::parse_utc("2027-01-01T12:00:00Z")) {
  store_ =
      std::make_unique<store::sqlite::SqliteStore>(folder_ / "maitred.db", store::sqlite::SqliteStore::Owner::server);
  restaurant_.id = kRestaurantId;
  restaurant_.name = "Fuzz";
  restaurant_.timezone = "Europe/Copenhagen";
  restaurant_.created_at = restaurant_.updated_at = clock_.now();
  store_->restaurants().create_restaurant(restaurant_);
  add_setup(*store_, clock_.now());
  store_->bookings().insert_booking(fixed_booking(restaurant_, clock_.now()));
  caller_.restaurant_id = kRestaurantId;
  caller_.key_id = "KKKKKKKKKKKKKKKKK";
}

FuzzRestaurant::~FuzzRestaurant() {
  store_.reset();
  std::error_code ignored;
  std::filesystem::remove_all(folder_, ignored);
}

http::Response FuzzRestaurant::call(const http::Handler& handler, http::Method method, std::string_view body,
                                    std::vector<std::pair<std::string_view, std::string_view>> path_params) {
  http::Request request;
  request.method = method;
  request.body = body;
  request.client_address = "192.0.2.1";
  http::Services services{*store_, clock_};
  http::RequestContext context{request, std::move(path_params), &caller_, "fuzz", services};
  return handler(context);
}

FuzzRestaurant& fuzz_restaurant() {
  static FuzzRestaurant restaurant;
  return restaurant;
}

}  // namespace maitred::fuzz

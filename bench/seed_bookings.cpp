// seed_bookings: fills a maitred data folder (or the database a --database
// URL names, PostgreSQL included) with many bookings, for the bench scripts.
//
//   seed_bookings --data DIR --restaurants 50 --bookings 1000000 [--seed N]
//   seed_bookings --database postgresql://user@host:port/db --bookings 100000
//
// Creates the restaurants (Europe/Copenhagen) and one API key for the first,
// then inserts the bookings through Store::insert_booking, in transactions
// of --batch bookings, so the rows and the stored documents are
// exactly what the server writes. Bookings are spread at random over --days
// days (starting --hot-day minus a year) and over the restaurants, inserted in
// random date order (as bookings arrive in real life), and the first
// restaurant gets --hot-bookings extra bookings on --hot-day, so that a
// 100-booking page of that day exists whatever the total.
//
// Progress goes to stderr; stdout ends with the API key (last line).
// Booking ids and contents depend only on --seed; restaurant ids and the key
// are random.

#include <CLI/CLI.hpp>

#include <array>
#include <chrono>
#include <cstdio>
#include <filesystem>
#include <iostream>
#include <random>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "app/admin.hpp"
#include "cli/data_dir.hpp"
#include "core/clock.hpp"
#include "core/time_format.hpp"
#include "domain/booking.hpp"
#include "domain/calendar.hpp"
#include "domain/time_zone.hpp"
#include "store/open_store.hpp"

namespace {

namespace core = maitred::core;
namespace domain = maitred::domain;
using namespace std::chrono_literals;

constexpr const char* kZone = "Europe/Copenhagen";
constexpr std::string_view kAlphabet = "0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz";

constexpr std::array kFirstNames = {"Anna",   "Mads",  "Sofie",   "Frederik", "Emma",  "Lukas",  "Ida",
                                    "Oliver", "Freja", "William", "Clara",    "Noah",  "Laura",  "Victor",
                                    "Maja",   "Elias", "Karla",   "Oscar",    "Alma",  "Magnus", "Julie",
                                    "Jonas",  "Ella",  "Carl",    "Nora",     "Aksel", "Sarah",  "Emil"};
constexpr std::array kLastNames = {"Jensen",     "Nielsen",   "Hansen",    "Pedersen",     "Andersen", "Christensen",
                                   "Larsen",     "Sørensen",  "Rasmussen", "Jørgensen",    "Petersen", "Madsen",
                                   "Kristensen", "Olsen",     "Thomsen",   "Christiansen", "Poulsen",  "Johansen",
                                   "Møller",     "Mortensen", "Smith",     "Müller",       "García",   "Rossi"};
constexpr std::array kMailDomains = {"example.com", "mail.example.org", "example.net", "post.example.dk"};
constexpr std::array kSources = {"website", "website", "website", "phone", "phone", "walkin", "email", "api", "other"};
constexpr std::array kLanguages = {"en", "da", "da", "da", "de", "sv"};
constexpr std::array kGuestComments = {"Window seat if possible, please.", "We are celebrating a birthday.",
                                       "One of us is in a wheelchair.",    "Vegetarian menu for two guests.",
                                       "We may be 10 minutes late.",       "High chair for a toddler, thank you!"};
constexpr std::array kNotes = {"Regular guest, likes table 12.", "Nut allergy (severe).",
                               "Anniversary: bring a candle.",   "Called to confirm.",
                               "Prepaid deposit 500 DKK.",       "VIP - owner's friend."};
constexpr std::array kAuthors = {"Maria", "Jakob", "Front desk", "Chef"};
constexpr std::array kAreaNames = {"Main room", "Terrace", "Bar"};

struct Options {
  std::filesystem::path data_dir;
  std::string database;  // empty: the embedded store in data_dir
  int restaurants = 50;
  long long bookings = 1'000'000;
  unsigned long long seed = 42;
  std::string hot_day = "2026-12-04";
  int hot_bookings = 200;
  int days = 730;
  long long batch = 20'000;
};

struct Table {
  std::string id;
  std::string name;
  int area;
};

struct RestaurantData {
  std::string id;
  std::vector<std::string> area_ids;
  std::vector<Table> tables;
};

class Generator {
 public:
  explicit Generator(unsigned long long seed) : rng_(seed) {}

  int uniform(int lo, int hi) { return std::uniform_int_distribution<int>(lo, hi)(rng_); }
  bool chance(double p) { return std::bernoulli_distribution(p)(rng_); }
  template <typename Array>
  auto pick(const Array& items) {
    return items[static_cast<std::size_t>(uniform(0, static_cast<int>(items.size()) - 1))];
  }
  std::string id() {
    std::string out(17, '0');
    for (auto& c : out) c = kAlphabet[static_cast<std::size_t>(uniform(0, 61))];
    return out;
  }
  std::string digits(int n) {
    std::string out(static_cast<std::size_t>(n), '0');
    for (auto& c : out) c = static_cast<char>('0' + uniform(0, 9));
    return out;
  }

 private:
  std::mt19937_64 rng_;
};

// Lower-case ASCII for e-mail addresses: "Sørensen" -> "sorensen".
std::string lower_ascii(std::string_view text) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 5> kFold = {
      {{"ø", "o"}, {"ü", "u"}, {"í", "i"}, {"æ", "ae"}, {"å", "a"}}};
  std::string out;
  for (std::size_t i = 0; i < text.size();) {
    const unsigned char c = static_cast<unsigned char>(text[i]);
    if (c < 0x80) {
      out.push_back(c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : static_cast<char>(c));
      ++i;
      continue;
    }
    bool folded = false;
    for (const auto& [from, to] : kFold) {
      if (text.substr(i, from.size()) == from) {
        out += to;
        i += from.size();
        folded = true;
        break;
      }
    }
    if (!folded) ++i;  // any other non-ASCII byte is dropped
  }
  return out;
}

int party_size(Generator& g) {
  // Mostly couples and small groups.
  static constexpr std::array<int, 20> kSizes = {1, 2, 2, 2, 2, 2, 2, 2, 3, 3, 4, 4, 4, 4, 5, 6, 6, 7, 8, 8};
  return g.pick(kSizes);
}

int duration_for(int people) {
  return people <= 2 ? 90 : people <= 4 ? 120 : 150;
}

std::string status_for(Generator& g, bool past) {
  const int r = g.uniform(0, 99);
  if (past) {
    if (r < 70) return "left";
    if (r < 84) return "canceled";
    if (r < 90) return "no_show";
    if (r < 94) return "declined";
    if (r < 97) return "approved";  // never marked arrived
    return "seated";
  }
  if (r < 62) return "approved";
  if (r < 80) return "request";
  if (r < 91) return "canceled";
  if (r < 96) return "waitlist";
  return "declined";
}

domain::Booking make_booking(Generator& g, const RestaurantData& restaurant, date::year_month_day day,
                             core::SystemTime data_now) {
  domain::Booking b;
  b.id = g.id();
  b.restaurant_id = restaurant.id;
  b.date = domain::format_iso_date(day);
  b.time = 11 * 60 + 15 * g.uniform(0, 44);  // 11:00 ... 22:00
  b.date_time = domain::local_to_utc(kZone, day, b.time).instant;
  b.people = party_size(g);
  b.duration = duration_for(b.people);
  const bool past = b.date_time < data_now;
  b.status = status_for(g, past);
  b.source = g.pick(kSources);
  b.language_code = g.pick(kLanguages);

  const std::string first = g.pick(kFirstNames);
  const std::string last = g.pick(kLastNames);
  b.guest.name = first + " " + last;
  b.guest.email =
      lower_ascii(first) + "." + lower_ascii(last) + std::to_string(g.uniform(1, 999)) + "@" + g.pick(kMailDomains);
  if (g.chance(0.85)) b.guest.phone = "+45" + std::to_string(g.uniform(2, 9)) + g.digits(7);
  b.guest.notification_sms = !b.guest.phone.empty() && g.chance(0.6);
  b.guest.notification_email = g.chance(0.8);

  // Made between 60 days and 1 hour before the start, never after "now".
  auto created = b.date_time - std::chrono::minutes(g.uniform(60, 60 * 24 * 60));
  if (created > data_now) created = data_now - std::chrono::minutes(g.uniform(1, 60 * 24 * 30));
  b.created_at = created;
  core::SystemTime last_change = created;
  auto stamp = [&](std::optional<core::SystemTime>& field, core::SystemTime at) {
    field = at;
    if (at > last_change) last_change = at;
  };
  const auto decided = created + std::chrono::minutes(g.uniform(1, 600));
  const auto decided_at = decided < b.date_time ? decided : created;
  if (b.status == "approved" || b.status == "seated" || b.status == "left" || b.status == "no_show") {
    stamp(b.stamps.approved_at, decided_at);
  }
  if (b.status == "declined") stamp(b.stamps.declined_at, decided_at);
  if (b.status == "canceled") stamp(b.stamps.canceled_at, decided_at);
  if (b.status == "seated" || b.status == "left") {
    stamp(b.stamps.arrived_at, b.date_time + std::chrono::minutes(g.uniform(0, 10)));
    stamp(b.stamps.seated_at, *b.stamps.arrived_at + 2min);
  }
  if (b.status == "left") stamp(b.stamps.left_at, *b.stamps.seated_at + std::chrono::minutes(b.duration));
  if (b.status == "no_show") stamp(b.stamps.no_show_at, b.date_time + 30min);

  if (b.status != "waitlist" && b.status != "declined") {
    const int r = g.uniform(0, 99);
    const int count = r < 15 ? 0 : r < 85 ? 1 : 2;
    for (int i = 0; i < count; ++i) {
      const auto& t = restaurant.tables[static_cast<std::size_t>(g.uniform(0, 19))];
      if (!b.tables.empty() && b.tables.front().id == t.id) break;
      b.tables.push_back({t.id, t.name, restaurant.area_ids[static_cast<std::size_t>(t.area)],
                          kAreaNames[static_cast<std::size_t>(t.area)]});
    }
  }
  if (g.chance(0.15)) b.comment = g.pick(kGuestComments);
  if (g.chance(0.10)) {
    auto at = created + std::chrono::minutes(g.uniform(1, 120));
    b.restaurant_notes.push_back({g.id(), g.pick(kNotes), g.pick(kAuthors), at});
    if (at > last_change) last_change = at;
  }
  if (b.source == "website") {
    b.referrer = "https://www.example.com/book";
    b.opening_hour_name = b.time < 16 * 60 ? "Lunch" : "Dinner";
  }
  b.activity_at = last_change;
  return b;
}

int run(const Options& o) {
  const auto started = std::chrono::steady_clock::now();
  auto elapsed = [&] { return std::chrono::duration<double>(std::chrono::steady_clock::now() - started).count(); };

  const auto hot = domain::parse_iso_date(o.hot_day);
  if (!hot) throw std::runtime_error("--hot-day must be a date, YYYY-MM-DD");
  const auto first_day = date::sys_days(*hot) - date::days(o.days / 2);

  const auto url = maitred::cli::choose_database(o.data_dir, o.database);
  const bool sqlite = url.kind == maitred::store::DatabaseUrl::Kind::sqlite;
  if (sqlite) {
    if (o.database.empty()) maitred::cli::prepare_data_dir(o.data_dir);
    if (std::filesystem::exists(url.sqlite_file)) {
      throw std::runtime_error(url.sqlite_file.string() + " exists already; seed an empty folder");
    }
  }

  core::SystemClock clock;
  // Bookings before this instant are in the past (left, no-show...).
  const auto data_now = core::SystemTime(date::sys_days(*hot) - date::days(8)) + 12h;
  Generator g(o.seed);

  std::string api_key;
  std::vector<RestaurantData> restaurants;
  {
    // server: this process is alone on the database (SQLite: it checkpoints).
    maitred::store::OpenOptions options;
    options.server = true;
    const auto opened = maitred::store::open_store(url, options);
    auto& store = *opened;
    if (!store.restaurants().list_restaurants().empty()) {
      throw std::runtime_error(url.redacted() + " holds restaurants already; seed an empty database");
    }
    for (int i = 0; i < o.restaurants; ++i) {
      char name[64];
      std::snprintf(name, sizeof name, "Bench Restaurant %02d", i);
      auto r = maitred::app::create_restaurant(store, clock, name, kZone);
      RestaurantData data{r.id, {}, {}};
      for (std::size_t a = 0; a < kAreaNames.size(); ++a) data.area_ids.push_back(g.id());
      for (int t = 0; t < 20; ++t) data.tables.push_back({g.id(), std::to_string(t + 1), t < 12 ? 0 : t < 17 ? 1 : 2});
      restaurants.push_back(std::move(data));
    }
    api_key = maitred::app::create_api_key(store, clock, restaurants.front().id, "bookings benchmark");

    // Every `stride`-th booking is one of the hot-day bookings of restaurant 0.
    const long long hot_count = std::min<long long>(o.hot_bookings, o.bookings);
    const long long stride = hot_count > 0 ? o.bookings / hot_count : 0;
    long long hot_made = 0;
    long long made = 0;
    std::fprintf(stderr, "seed_bookings: %d restaurants, %lld bookings (%lld on %s for the first), batches of %lld\n",
                 o.restaurants, o.bookings, hot_count, o.hot_day.c_str(), o.batch);
    while (made < o.bookings) {
      const long long end = std::min(o.bookings, made + o.batch);
      store.atomically([&] {
        for (long long i = made; i < end; ++i) {
          if (stride > 0 && hot_made < hot_count && i % stride == 0) {
            store.bookings().insert_booking(make_booking(g, restaurants.front(), *hot, data_now));
            ++hot_made;
            continue;
          }
          const auto& r = restaurants[static_cast<std::size_t>(g.uniform(0, o.restaurants - 1))];
          const date::year_month_day day{first_day + date::days(g.uniform(0, o.days - 1))};
          store.bookings().insert_booking(make_booking(g, r, day, data_now));
        }
      });
      made = end;
      std::fprintf(stderr, "seed_bookings: %lld / %lld bookings, %.1f s\n", made, o.bookings, elapsed());
    }
  }  // closing the last connection checkpoints the WAL into the database file

  std::cout << "seeded " << o.bookings << " bookings over " << o.restaurants << " restaurants in " << elapsed() << " s";
  if (sqlite) {
    std::error_code ec;
    const auto bytes = std::filesystem::file_size(url.sqlite_file, ec);
    std::cout << "; database " << (ec ? 0 : bytes / (1024 * 1024)) << " MiB";
  }
  std::cout << "\n";
  std::cout << "hot day " << o.hot_day << ", restaurant " << restaurants.front().id << "\n";
  std::cout << api_key << "\n";
  return 0;
}

}  // namespace

int main(int argc, char** argv) {
  Options o;
  CLI::App cli{"Fills a maitred data folder with bookings for benchmarks"};
  auto* data = cli.add_option("--data", o.data_dir, "Data folder (created; must not hold a database yet)");
  auto* database = cli.add_option("--database", o.database,
                                  "Database URL instead of the folder's (sqlite:///file.db, postgresql://...); "
                                  "must hold no restaurant yet");
  data->excludes(database);
  cli.add_option("--restaurants", o.restaurants, "Number of restaurants")
      ->check(CLI::Range(1, 100000))
      ->capture_default_str();
  cli.add_option("--bookings", o.bookings, "Number of bookings, hot-day ones included")
      ->check(CLI::Range(0LL, 1'000'000'000LL))
      ->capture_default_str();
  cli.add_option("--seed", o.seed, "Random seed for the bookings")->capture_default_str();
  cli.add_option("--hot-day", o.hot_day, "Local date given many bookings of the first restaurant")
      ->capture_default_str();
  cli.add_option("--hot-bookings", o.hot_bookings, "Bookings of the first restaurant on --hot-day")
      ->check(CLI::Range(0, 100000))
      ->capture_default_str();
  cli.add_option("--days", o.days, "Days the other bookings are spread over, centred on --hot-day")
      ->check(CLI::Range(1, 3650))
      ->capture_default_str();
  cli.add_option("--batch", o.batch, "Bookings per transaction")
      ->check(CLI::Range(1LL, 10'000'000LL))
      ->capture_default_str();
  CLI11_PARSE(cli, argc, argv);
  if (o.data_dir.empty() && o.database.empty()) {
    std::cerr << "seed_bookings: give --data or --database\n";
    return 2;
  }
  try {
    return run(o);
  } catch (const std::exception& e) {
    std::cerr << "seed_bookings: " << e.what() << "\n";
    return 1;
  }
}

#pragma once
// A restaurant is the tenant: every other document belongs to exactly one.
// Its settings include the booking rules the availability engine applies.

#include <map>
#include <string>
#include <vector>

#include "core/clock.hpp"

namespace maitred::domain {

struct Contact {
  std::string phone;
  std::string email;
  std::string website;
};

struct Address {
  std::string street;
  std::string city;
  std::string postal_code;
  std::string country;
};

// How long a party of min_people..max_people keeps its table.
struct DurationRule {
  int min_people;
  int max_people;
  int minutes;
};

struct BookingRules {
  int slot_interval = 15;  // minutes between bookable start times
  std::vector<DurationRule> durations = {{1, 2, 90}, {3, 4, 120}, {5, 8, 150}, {9, 1000, 180}};
  int default_duration = 120;  // for party sizes no rule covers
  int turnover_buffer = 0;     // minutes a table stays blocked after a booking ends
  int min_notice_minutes = 60;
  int max_days_ahead = 90;
  std::string default_status = "request";  // of a new API booking that names none
  int max_online_party_size = 8;
  int hold_minutes = 10;  // how long a booking-flow hold keeps its tables
  // Guests may book through the public booking page and widget.
  bool online_booking = true;
  // Until how long before its start a guest may cancel through the manage link.
  int cancellation_deadline_minutes = 120;
};

// A restaurant's own SMTP server, overriding `serve --smtp-url/--smtp-from`.
// The password is write-only: stored, never served back nor put in events.
struct SmtpOverride {
  std::string url;  // smtp[s]://[user@]host[:port][?tls=none]; no password in it
  std::string from;
  std::string password;
};

// Guest e-mails (docs/API.md "Guest e-mails").
struct GuestMailSettings {
  int reminder_hours = 24;  // 0: no reminders
  // Overrides of the built-in templates, keyed "<kind>.<language>.<part>"
  // (confirmed.da.subject); each checked when saved.
  std::map<std::string, std::string> templates;
  SmtpOverride smtp;
};

struct Restaurant {
  std::string id;
  std::string name;
  std::string timezone;  // IANA zone name, checked against the tz database
  std::string language = "en";
  Contact contact;
  Address address;
  BookingRules booking_rules;
  GuestMailSettings guest_mail;
  // The public booking page's address, /book/{slug}; unique across the
  // server's restaurants. Empty: the restaurant has no public page.
  std::string slug;
  // Websites (scheme://host[:port]) that may embed the booking widget and
  // call the public booking API from the browser (CORS).
  std::vector<std::string> allowed_origins;
  core::SystemTime created_at;
  core::SystemTime updated_at;
};

// The booking duration for a party of `people` under `rules`.
int duration_for(const BookingRules& rules, int people);

}  // namespace maitred::domain

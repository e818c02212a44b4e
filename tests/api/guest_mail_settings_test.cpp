// Guest e-mail settings and the messages endpoint, against the real server:
// templates are checked when saved (422 naming the template and position),
// the SMTP password is write-only, and GET /v1/bookings/{id}/messages.

#include "api/booking_bodies.hpp"
#include "api/setup_fixture.hpp"

namespace maitred::test {
namespace {

class GuestMailSettingsTest : public SetupApiBase {
 protected:
  Reply put(const std::string& body) { return call("PUT", "/v1/restaurant", body); }
};

TEST_F(GuestMailSettingsTest, DefaultsAreShown) {
  auto r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "reminderHours"), "24");
  EXPECT_EQ(at(r, "emailTemplates"), "{}");
  EXPECT_EQ(at(r, "smtp"), R"({"url":"","from":"","passwordSet":false})");
}

TEST_F(GuestMailSettingsTest, TemplatesAreSavedAndServed) {
  expect_true(
      put(R"({"reminderHours":3,"emailTemplates":{"confirmed":{"da":{"subject":"Velkommen {{ guest.name }}"}}}})"));
  auto r = read("/v1/restaurant");
  EXPECT_EQ(at(r, "reminderHours"), "3");
  EXPECT_EQ(at(r, "emailTemplates"), R"({"confirmed":{"da":{"subject":"Velkommen {{ guest.name }}"}}})");
}

TEST_F(GuestMailSettingsTest, BrokenTemplateIsRefusedWhenSaved) {
  Reply unknown = put(R"({"emailTemplates":{"reminder":{"de":{"text":"Hallo {{guest.vorname}}"}}}})");
  expect_error(unknown, 422, "invalid_template", "emailTemplates.reminder.de.text");
  EXPECT_NE(string_at(unknown.body, "message").find("character 7"), std::string::npos) << unknown.body;
  EXPECT_NE(string_at(unknown.body, "message").find("{{guest.vorname}}"), std::string::npos) << unknown.body;
  Reply unclosed = put(R"({"emailTemplates":{"canceled":{"en":{"html":"<p>{{booking.date</p>"}}}})");
  expect_error(unclosed, 422, "invalid_template", "emailTemplates.canceled.en.html");
  EXPECT_NE(string_at(unclosed.body, "message").find("not closed"), std::string::npos) << unclosed.body;
  EXPECT_EQ(at(read("/v1/restaurant"), "emailTemplates"), "{}");
  expect_error(put(R"({"emailTemplates":{"birthday":{}}})"), 422, "unknown_field");
  expect_error(put(R"({"reminderHours":-1})"), 422, "invalid_field", "reminderHours");
}

TEST_F(GuestMailSettingsTest, SmtpPasswordIsWriteOnly) {
  expect_true(put(R"({"smtp":{"url":"smtps://mailer@mail.example:465","from":"table@bistro.example",)"
                  R"("password":"s3cret-pass"}})"));
  Reply r = call("GET", "/v1/restaurant");
  EXPECT_EQ(r.body.find("s3cret-pass"), std::string::npos) << r.body;
  EXPECT_EQ(at(parse(r.body), "smtp"),
            R"({"url":"smtps://mailer@mail.example:465","from":"table@bistro.example","passwordSet":true})");
  // Nor does the change feed carry it.
  Reply events = call("GET", "/v1/events");
  EXPECT_EQ(events.body.find("s3cret-pass"), std::string::npos) << events.body;
  // Putting the read document back keeps the password.
  expect_true(put(r.body));
  EXPECT_EQ(at(read("/v1/restaurant"), "smtp"),
            R"({"url":"smtps://mailer@mail.example:465","from":"table@bistro.example","passwordSet":true})");
}

TEST_F(GuestMailSettingsTest, SmtpUrlIsChecked) {
  expect_error(put(R"({"smtp":{"url":"smtps://u:p@mail.example","from":"a@b.example"}})"), 422, "invalid_field",
               "smtp.url");
  expect_error(put(R"({"smtp":{"url":"http://mail.example","from":"a@b.example"}})"), 422, "invalid_field", "smtp.url");
  expect_error(put(R"({"smtp":{"url":"smtp://mail.example"}})"), 422, "invalid_field", "smtp.from");
}

TEST_F(GuestMailSettingsTest, MessagesOfABooking) {
  const auto id = create("/v1/bookings", overbooking_body("2026-12-18", "19:30", 2));
  Reply r = call("GET", "/v1/bookings/" + id + "/messages");
  EXPECT_EQ(r.status, 200u) << r.body;
  EXPECT_EQ(r.body, "[]");
  expect_error(call("GET", "/v1/bookings/AAAAAAAAAAAAAAAAA/messages"), 404, "not_found");
}

}  // namespace
}  // namespace maitred::test

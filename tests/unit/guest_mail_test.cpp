// Guest e-mails, the pure parts: which e-mail an event causes, the reminder
// time, the language and local wording, templates, the .ics and the MIME
// message, and the SMTP URL.

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "core/crypto.hpp"
#include "core/smtp_url.hpp"
#include "core/time_format.hpp"
#include "domain/errors.hpp"
#include "domain/guest_mail.hpp"
#include "domain/guest_mail_content.hpp"
#include "domain/ics_invite.hpp"
#include "domain/mail_locale.hpp"
#include "domain/mail_template.hpp"
#include "domain/mime_message.hpp"
#include "domain/time_zone.hpp"

namespace maitred::domain {
namespace {

using namespace std::chrono_literals;

core::SystemTime utc(std::string_view text) {
  auto t = core::parse_utc(text);
  EXPECT_TRUE(t) << text;
  return t.value_or(core::SystemTime{});
}

Booking guest_booking(std::string status = "approved") {
  Booking b;
  b.id = "B00000000000000001";
  b.status = std::move(status);
  b.source = "api";
  b.guest.name = "Ada";
  b.guest.email = "ada@example.com";
  b.guest.notification_email = true;
  b.date = "2026-12-18";
  b.time = 19 * 60 + 30;
  b.date_time = utc("2026-12-18T18:30:00Z");
  b.created_at = utc("2026-12-01T10:00:00Z");
  b.people = 4;
  return b;
}

Restaurant copenhagen() {
  Restaurant r;
  r.id = "R1";
  r.name = "Bistro Ø";
  r.timezone = "Europe/Copenhagen";
  r.language = "da";
  r.contact.phone = "+45 12 34 56 78";
  r.address = {"Nyhavn 1", "København", "1051", "Denmark"};
  return r;
}

std::optional<MailKind> on(std::string_view type, const Booking& now, std::vector<std::string> fields = {},
                           std::string_view old_status = {}) {
  return mail_for_event({type, fields, old_status}, now);
}

TEST(GuestMail, CreatedConfirmedOrRequested) {
  EXPECT_EQ(on("booking.created", guest_booking("approved")), MailKind::confirmed);
  EXPECT_EQ(on("booking.created", guest_booking("request")), MailKind::requested);
  EXPECT_EQ(on("booking.created", guest_booking("waitlist")), std::nullopt);
}

TEST(GuestMail, StatusChanges) {
  EXPECT_EQ(on("booking.status_changed", guest_booking("approved"), {"status"}, "request"), MailKind::confirmed);
  EXPECT_EQ(on("booking.status_changed", guest_booking("canceled"), {"status"}, "approved"), MailKind::canceled);
  EXPECT_EQ(on("booking.status_changed", guest_booking("declined"), {"status"}, "request"), MailKind::canceled);
  EXPECT_EQ(on("booking.status_changed", guest_booking("seated"), {"status"}, "approved"), std::nullopt);
  EXPECT_EQ(on("booking.status_changed", guest_booking("canceled"), {"status"}, "waitlist"), std::nullopt);
}

TEST(GuestMail, ChangedOnlyForDateTimeOrPeople) {
  for (std::string field : {"date", "time", "people"}) {
    EXPECT_EQ(on("booking.updated", guest_booking(), {field}), MailKind::changed) << field;
  }
  EXPECT_EQ(on("booking.updated", guest_booking(), {"comment", "tables"}), std::nullopt);
  EXPECT_EQ(on("booking.note_added", guest_booking()), std::nullopt);
  EXPECT_EQ(on("booking.deleted", guest_booking()), std::nullopt);
}

TEST(GuestMail, WhoMayBeEmailed) {
  auto b = guest_booking();
  EXPECT_TRUE(may_email_guest(b));
  b.guest.notification_email = false;
  EXPECT_FALSE(may_email_guest(b));
  b = guest_booking();
  b.guest.email.clear();
  EXPECT_FALSE(may_email_guest(b));
  b = guest_booking();
  b.source = "import";
  EXPECT_FALSE(may_email_guest(b));
  EXPECT_TRUE(may_email_guest(b, true));
}

TEST(GuestMail, ReminderDue) {
  auto b = guest_booking();
  EXPECT_EQ(reminder_due(b, 24), utc("2026-12-17T18:30:00Z"));
  EXPECT_EQ(reminder_due(b, 0), std::nullopt);
  b.created_at = utc("2026-12-18T08:00:00Z");  // booked the same day
  EXPECT_EQ(reminder_due(b, 24), std::nullopt);
  EXPECT_EQ(reminder_due(b, 2), utc("2026-12-18T16:30:00Z"));
  EXPECT_EQ(reminder_due(guest_booking("canceled"), 24), std::nullopt);
}

TEST(GuestMail, KindNames) {
  for (auto kind : mail_kinds()) EXPECT_EQ(mail_kind_from_name(mail_kind_name(kind)), kind);
  EXPECT_EQ(mail_kind_from_name("birthday"), std::nullopt);
}

TEST(MailLocale, Language) {
  EXPECT_EQ(mail_language("de", "da"), "de");
  EXPECT_EQ(mail_language("sv", "da"), "da");
  EXPECT_EQ(mail_language("es", "sv"), "en");
}

TEST(MailLocale, WordingInEachLanguage) {
  const auto at = utc("2026-12-18T18:30:00Z");
  auto en = local_wording("Europe/Copenhagen", at, "en");
  EXPECT_EQ(en.date, "Friday 18 December 2026");
  EXPECT_EQ(en.time, "19:30");
  EXPECT_EQ(local_wording("Europe/Copenhagen", at, "da").date, "fredag den 18. december 2026");
  EXPECT_EQ(local_wording("Europe/Copenhagen", at, "de").date, "Freitag, 18. Dezember 2026");
}

TEST(MailLocale, AcrossTheAutumnDstChange) {
  // Copenhagen leaves summer time on Sunday 25 October 2026: 19:30 is 17:30Z
  // the day before and 18:30Z the day after.
  const auto before = local_to_utc("Europe/Copenhagen", date::year{2026} / 10 / 24, 19 * 60 + 30).instant;
  const auto after = local_to_utc("Europe/Copenhagen", date::year{2026} / 10 / 26, 19 * 60 + 30).instant;
  EXPECT_EQ(before, utc("2026-10-24T17:30:00Z"));
  EXPECT_EQ(after, utc("2026-10-26T18:30:00Z"));
  auto w1 = local_wording("Europe/Copenhagen", before, "de");
  auto w2 = local_wording("Europe/Copenhagen", after, "de");
  EXPECT_EQ(w1.date, "Samstag, 24. Oktober 2026");
  EXPECT_EQ(w2.date, "Montag, 26. Oktober 2026");
  EXPECT_EQ(w1.time, "19:30");
  EXPECT_EQ(w2.time, "19:30");
}

TEST(MailTemplate, CheckFindsUnknownAndUnclosed) {
  EXPECT_EQ(check_mail_template("Hi {{guest.name}}, {{ booking.date }}"), std::nullopt);
  auto unknown = check_mail_template("Hej {{guest.age}}");
  ASSERT_TRUE(unknown);
  EXPECT_EQ(unknown->position, 5u);
  EXPECT_EQ(unknown->message, "unknown placeholder {{guest.age}}");
  auto unclosed = check_mail_template("Kære {{guest.name");
  ASSERT_TRUE(unclosed);
  EXPECT_EQ(unclosed->position, 6u);  // characters: "æ" counts once
  EXPECT_EQ(unclosed->message, "{{ is not closed by }}");
  EXPECT_TRUE(check_mail_template("{{guest.name {{booking.date}}"));
}

TEST(MailTemplate, RenderEscapesHtmlOnly) {
  MailValues values{{"guest.name", "<Tom & \"Jerry\">"}};
  EXPECT_EQ(render_mail_template("Hi {{guest.name}}!", values, MailEscape::none), "Hi <Tom & \"Jerry\">!");
  EXPECT_EQ(render_mail_template("Hi {{ guest.name }}!", values, MailEscape::html),
            "Hi &lt;Tom &amp; &quot;Jerry&quot;&gt;!");
}

TEST(MailTemplate, DefaultsAreValidInEveryLanguage) {
  for (auto kind : mail_kinds()) {
    for (auto language : mail_languages()) {
      for (auto part : {MailPart::subject, MailPart::text, MailPart::html}) {
        EXPECT_EQ(check_mail_template(default_mail_template(kind, language, part)), std::nullopt)
            << mail_template_key(kind, language, part);
      }
    }
  }
}

TEST(MailTemplate, BrokenOverrideIsRefusedNamingTemplateAndPosition) {
  GuestMailSettings settings;
  settings.templates["confirmed.da.subject"] = "Hej {{guest.nam}}";
  try {
    check_mail_templates(settings);
    FAIL() << "accepted";
  } catch (const InvalidInput& e) {
    EXPECT_EQ(e.field, "emailTemplates.confirmed.da.subject");
    EXPECT_STREQ(e.what(),
                 "The template emailTemplates.confirmed.da.subject is broken at character 5: unknown placeholder "
                 "{{guest.nam}}.");
  }
}

TEST(GuestMailContent, ComposesFromDefaultsAndOverrides) {
  auto r = copenhagen();
  auto b = guest_booking();
  b.guest.name = "Ada <3";
  auto mail = compose_guest_mail(r, b, MailKind::confirmed, "en");
  EXPECT_EQ(mail.subject, "Your booking at Bistro Ø is confirmed");
  EXPECT_NE(mail.text.find("Friday 18 December 2026 at 19:30"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("Nyhavn 1, 1051 København, Denmark"), std::string::npos) << mail.text;
  EXPECT_NE(mail.text.find("Dear Ada <3,"), std::string::npos);
  EXPECT_NE(mail.html.find("Dear Ada &lt;3,"), std::string::npos) << mail.html;
  r.guest_mail.templates["confirmed.en.text"] = "See you {{booking.date}}\nat {{booking.time}}";
  mail = compose_guest_mail(r, b, MailKind::confirmed, "en");
  EXPECT_EQ(mail.text, "See you Friday 18 December 2026\nat 19:30");
  EXPECT_NE(mail.html.find("See you Friday 18 December 2026<br>\nat 19:30"), std::string::npos) << mail.html;
}

TEST(GuestMailContent, DefaultsCarryTheManageLinkExceptInACancellation) {
  const auto r = copenhagen();
  const auto b = guest_booking();
  const std::string link = "https://book.example.com/manage/abc";
  const std::pair<const char*, const char*> sentences[] = {
      {"en", "Change or cancel: "}, {"da", "Ændr eller aflys: "}, {"de", "Ändern oder stornieren: "}};
  for (const auto& [language, sentence] : sentences) {
    for (auto kind : mail_kinds()) {
      const auto mail = compose_guest_mail(r, b, kind, language, link);
      const bool wanted = kind != MailKind::canceled;
      EXPECT_EQ(mail.text.find(std::string(sentence) + link) != std::string::npos, wanted)
          << language << " " << mail_kind_name(kind) << "\n"
          << mail.text;
      EXPECT_EQ(mail.html.find(link) != std::string::npos, wanted) << language << " " << mail_kind_name(kind);
    }
  }
}

TEST(Ics, PublishForADownload) {
  auto r = copenhagen();
  auto b = guest_booking();
  auto facts = booking_invite_facts(r, b, utc("2026-10-01T08:00:00Z"));
  EXPECT_EQ(facts.uid, b.id + "@maitred");
  facts.publish = true;
  auto ics = ics_invite(facts);
  EXPECT_NE(ics.find("METHOD:PUBLISH\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("STATUS:CONFIRMED\r\n"), std::string::npos) << ics;
  EXPECT_EQ(ics.find("ORGANIZER"), std::string::npos) << "no address to name" << ics;
  facts.cancel = true;
  ics = ics_invite(facts);
  EXPECT_NE(ics.find("METHOD:PUBLISH\r\n"), std::string::npos) << ics;
  EXPECT_NE(ics.find("STATUS:CANCELLED\r\n"), std::string::npos) << ics;
}

TEST(Ics, EscapeAndFold) {
  EXPECT_EQ(ics_escape_text("a,b;c\\d\ne"), "a\\,b\\;c\\\\d\\ne");
  const std::string long_line = "SUMMARY:" + std::string(70, 'x') + "ø" + std::string(80, 'y');
  const auto folded = ics_fold(long_line);
  std::size_t start = 0;
  std::string unfolded;
  while (start < folded.size()) {
    const auto end = folded.find("\r\n", start);
    ASSERT_NE(end, std::string::npos);
    EXPECT_LE(end - start, 75u);
    unfolded += folded.substr(start == 0 ? 0 : start + 1, end - (start == 0 ? 0 : start + 1));
    start = end + 2;
  }
  EXPECT_EQ(unfolded, long_line);
}

TEST(Ics, InviteAndCancel) {
  InviteFacts f;
  f.uid = "B1@maitred";
  f.sequence = 2;
  f.start = utc("2026-10-26T18:30:00Z");
  f.end = utc("2026-10-26T20:30:00Z");
  f.stamp = utc("2026-10-01T08:00:00Z");
  f.summary = "Bistro Ø, 4 people";
  f.location = "Nyhavn 1, København";
  f.organizer_name = "Bistro Ø";
  f.organizer_email = "table@bistro.example";
  const auto ics = ics_invite(f);
  for (const char* line :
       {"METHOD:REQUEST\r\n", "UID:B1@maitred\r\n", "SEQUENCE:2\r\n", "DTSTART:20261026T183000Z\r\n",
        "DTEND:20261026T203000Z\r\n", "DTSTAMP:20261001T080000Z\r\n", "SUMMARY:Bistro Ø\\, 4 people\r\n",
        "LOCATION:Nyhavn 1\\, København\r\n", "STATUS:CONFIRMED\r\n"}) {
    EXPECT_NE(ics.find(line), std::string::npos) << line << ics;
  }
  f.cancel = true;
  const auto cancel = ics_invite(f);
  EXPECT_NE(cancel.find("METHOD:CANCEL\r\n"), std::string::npos);
  EXPECT_NE(cancel.find("STATUS:CANCELLED\r\n"), std::string::npos);
}

TEST(Mime, HeadersAndParts) {
  MimeMail m;
  m.from = {"Bistro Ø", "table@bistro.example"};
  m.to = {"Ada", "ada@example.com"};
  m.subject = "Din booking hos Bistro Ø er bekræftet";
  m.text = "Hej";
  m.html = "<p>Hej</p>";
  m.ics = "BEGIN:VCALENDAR\r\nEND:VCALENDAR\r\n";
  m.ics_method = "REQUEST";
  m.date = utc("2026-12-07T23:00:00Z");
  m.message_id = "M1@maitred";
  const auto message = build_mime_message(m);
  EXPECT_NE(message.find("From: =?UTF-8?B?"), std::string::npos);
  EXPECT_NE(message.find("To: \"Ada\" <ada@example.com>\r\n"), std::string::npos);
  EXPECT_NE(
      message.find("Subject: =?UTF-8?B?" + core::base64_encode("Din booking hos Bistro Ø er bekræftet") + "?=\r\n"),
      std::string::npos)
      << message;
  EXPECT_NE(message.find("Date: Mon, 07 Dec 2026 23:00:00 +0000\r\n"), std::string::npos);
  EXPECT_NE(message.find("Message-ID: <M1@maitred>\r\n"), std::string::npos);
  EXPECT_NE(message.find("multipart/alternative"), std::string::npos);
  EXPECT_NE(message.find("text/calendar; charset=utf-8; method=REQUEST"), std::string::npos);
  EXPECT_NE(message.find("filename=\"invite.ics\""), std::string::npos);
  // No bare LF: every line ends CRLF.
  for (std::size_t i = 0; i < message.size(); ++i) {
    if (message[i] == '\n') {
      ASSERT_TRUE(i > 0 && message[i - 1] == '\r') << i;
    }
  }
}

TEST(Mime, AddressCheck) {
  EXPECT_TRUE(is_plain_mail_address("ada@example.com"));
  EXPECT_FALSE(is_plain_mail_address("ada@example.com>\r\nBcc: x@y"));
  EXPECT_FALSE(is_plain_mail_address("no-at"));
}

TEST(SmtpUrl, Forms) {
  auto tls = std::get<core::SmtpEndpoint>(core::parse_smtp_url("smtps://u%40x:p%3Ass@mail.example"));
  EXPECT_EQ(tls.url, "smtps://mail.example:465/");
  EXPECT_EQ(tls.tls, core::SmtpTls::implicit);
  EXPECT_EQ(tls.username, "u@x");
  EXPECT_EQ(tls.password, "p:ss");
  auto starttls = std::get<core::SmtpEndpoint>(core::parse_smtp_url("smtp://mail.example"));
  EXPECT_EQ(starttls.url, "smtp://mail.example:587/");
  EXPECT_EQ(starttls.tls, core::SmtpTls::starttls);
  auto plain = std::get<core::SmtpEndpoint>(core::parse_smtp_url("smtp://127.0.0.1:2525?tls=none"));
  EXPECT_EQ(plain.tls, core::SmtpTls::none);
  EXPECT_EQ(plain.port, 2525);
  EXPECT_TRUE(std::holds_alternative<std::string>(core::parse_smtp_url("smtps://h?tls=none")));
  EXPECT_TRUE(std::holds_alternative<std::string>(core::parse_smtp_url("http://h")));
  EXPECT_TRUE(std::holds_alternative<std::string>(core::parse_smtp_url("smtp://h:99999")));
}

TEST(SmtpUrl, Redacts) {
  EXPECT_EQ(core::redact_smtp_url("smtps://user:secret@mail.example:465"), "smtps://user:***@mail.example:465");
  EXPECT_EQ(core::redact_smtp_url("smtp://mail.example"), "smtp://mail.example");
  EXPECT_EQ(core::redact_smtp_url("smtp://user@mail.example"), "smtp://user@mail.example");
}

}  // namespace
}  // namespace maitred::domain

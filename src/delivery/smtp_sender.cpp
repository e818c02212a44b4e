#include "delivery/smtp_sender.hpp"

#include <curl/curl.h>

#include <cstring>
#include <memory>
#include <mutex>

namespace maitred::delivery {

namespace {

// curl_global_init is not thread-safe; the first sender does it once.
void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] { curl_global_init(CURL_GLOBAL_DEFAULT); });
}

struct Upload {
  const std::string* data;
  std::size_t offset = 0;
};

std::size_t read_upload(char* buffer, std::size_t size, std::size_t items, void* user) {
  auto* up = static_cast<Upload*>(user);
  const auto room = size * items;
  const auto left = up->data->size() - up->offset;
  const auto n = left < room ? left : room;
  std::memcpy(buffer, up->data->data() + up->offset, n);
  up->offset += n;
  return n;
}

// Keeps the server's last reply line. Only CURLINFO_HEADER_IN is looked at:
// what we send (AUTH with the password) is never kept.
int on_debug(CURL*, curl_infotype type, char* data, std::size_t size, void* user) {
  if (type != CURLINFO_HEADER_IN) return 0;
  auto* last = static_cast<std::string*>(user);
  std::string line(data, size);
  while (!line.empty() && (line.back() == '\n' || line.back() == '\r')) line.pop_back();
  if (!line.empty()) *last = line.substr(0, 500);
  return 0;
}

struct CurlFree {
  void operator()(CURL* c) const { curl_easy_cleanup(c); }
};
struct SlistFree {
  void operator()(curl_slist* l) const { curl_slist_free_all(l); }
};

}  // namespace

SendOutcome classify_smtp_result(int curl_code, long reply_code) {
  if (curl_code == CURLE_OK) return SendOutcome::sent;
  if (reply_code >= 500 && reply_code < 600) return SendOutcome::permanent_failure;
  return SendOutcome::temporary_failure;
}

SendResult send_smtp(const core::SmtpEndpoint& endpoint, const SmtpEnvelope& envelope, std::chrono::seconds timeout) {
  init_curl_once();
  std::unique_ptr<CURL, CurlFree> curl(curl_easy_init());
  if (!curl) return {SendOutcome::temporary_failure, 0, "libcurl could not start a transfer"};
  std::unique_ptr<curl_slist, SlistFree> recipients;
  for (const auto& to : envelope.recipients) {
    recipients.reset(curl_slist_append(recipients.release(), ("<" + to + ">").c_str()));
  }
  Upload upload{&envelope.message};
  std::string last_reply;
  char error[CURL_ERROR_SIZE] = {};
  CURL* c = curl.get();
  curl_easy_setopt(c, CURLOPT_URL, endpoint.url.c_str());
  curl_easy_setopt(c, CURLOPT_PROTOCOLS_STR, "smtp,smtps");
  curl_easy_setopt(c, CURLOPT_USE_SSL,
                   static_cast<long>(endpoint.tls == core::SmtpTls::none ? CURLUSESSL_NONE : CURLUSESSL_ALL));
  if (!endpoint.username.empty()) {
    curl_easy_setopt(c, CURLOPT_USERNAME, endpoint.username.c_str());
    curl_easy_setopt(c, CURLOPT_PASSWORD, endpoint.password.c_str());
  }
  const auto mail_from = "<" + envelope.from + ">";
  curl_easy_setopt(c, CURLOPT_MAIL_FROM, mail_from.c_str());
  curl_easy_setopt(c, CURLOPT_MAIL_RCPT, recipients.get());
  curl_easy_setopt(c, CURLOPT_READFUNCTION, read_upload);
  curl_easy_setopt(c, CURLOPT_READDATA, &upload);
  curl_easy_setopt(c, CURLOPT_UPLOAD, 1L);
  curl_easy_setopt(c, CURLOPT_NOSIGNAL, 1L);  // a thread of a multi-threaded server
  curl_easy_setopt(c, CURLOPT_CONNECTTIMEOUT, 20L);
  curl_easy_setopt(c, CURLOPT_TIMEOUT, static_cast<long>(timeout.count()));
  curl_easy_setopt(c, CURLOPT_ERRORBUFFER, error);
  curl_easy_setopt(c, CURLOPT_DEBUGFUNCTION, on_debug);
  curl_easy_setopt(c, CURLOPT_DEBUGDATA, &last_reply);
  curl_easy_setopt(c, CURLOPT_VERBOSE, 1L);  // needed for the debug callback; nothing is printed

  const auto code = curl_easy_perform(c);
  long reply = 0;
  curl_easy_getinfo(c, CURLINFO_RESPONSE_CODE, &reply);
  SendResult result;
  result.outcome = classify_smtp_result(code, reply);
  result.reply_code = reply;
  if (code == CURLE_OK) {
    result.detail = last_reply;
  } else if (reply >= 400 && !last_reply.empty()) {
    result.detail = last_reply;
  } else {
    result.detail = error[0] != '\0' ? std::string(error) : std::string(curl_easy_strerror(code));
  }
  return result;
}

}  // namespace maitred::delivery

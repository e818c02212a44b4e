#include "delivery/http_poster.hpp"

#include <arpa/inet.h>
#include <curl/curl.h>
#include <netinet/in.h>
#include <sys/socket.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <mutex>
#include <stdexcept>

#include "domain/address_policy.hpp"

namespace maitred::delivery {

namespace {

// Where Debian keeps the system's CAs as a hashed directory: searched
// beside --webhook-ca's file, so that file adds to the store, not replaces it.
constexpr const char* kSystemCaPath = "/etc/ssl/certs";

void init_curl_once() {
  static std::once_flag once;
  std::call_once(once, [] {
    if (curl_global_init(CURL_GLOBAL_DEFAULT) != CURLE_OK) throw std::runtime_error("curl_global_init failed");
  });
}

struct Transfer {
  PostRequest request;
  bool allow_private = false;
  CURL* easy = nullptr;
  curl_slist* headers = nullptr;
  std::string body_start;
  std::string refused;  // why the connection was not opened (SSRF)
  char error[CURL_ERROR_SIZE] = {};

  ~Transfer() {
    if (easy != nullptr) curl_easy_cleanup(easy);
    curl_slist_free_all(headers);
  }
};

std::optional<domain::IpAddress> address_of(const curl_sockaddr& address) {
  if (address.family == AF_INET) {
    sockaddr_in in{};
    std::memcpy(&in, &address.addr, sizeof in);
    domain::Ipv4 bytes{};
    std::memcpy(bytes.data(), &in.sin_addr, bytes.size());
    return bytes;
  }
  if (address.family == AF_INET6) {
    sockaddr_in6 in6{};
    std::memcpy(&in6, &address.addr, sizeof in6);
    domain::Ipv6 bytes{};
    std::memcpy(bytes.data(), &in6.sin6_addr, bytes.size());
    return bytes;
  }
  return std::nullopt;
}

std::string address_text(const domain::IpAddress& address) {
  char text[INET6_ADDRSTRLEN] = {};
  if (const auto* v4 = std::get_if<domain::Ipv4>(&address))
    inet_ntop(AF_INET, v4->data(), text, sizeof text);
  else
    inet_ntop(AF_INET6, std::get<domain::Ipv6>(address).data(), text, sizeof text);
  return text;
}

// libcurl asks here for every socket it connects, after name resolution:
// the one place a rebound name cannot slip past.
curl_socket_t open_socket(void* context, curlsocktype purpose, curl_sockaddr* address) {
  auto* transfer = static_cast<Transfer*>(context);
  if (purpose == CURLSOCKTYPE_IPCXN && !transfer->allow_private) {
    const auto ip = address_of(*address);
    if (!ip) {
      transfer->refused = "refused: not an IP address";
      return CURL_SOCKET_BAD;
    }
    if (const auto kind = domain::non_public_address_kind(*ip)) {
      transfer->refused = "refused: the URL's host resolves to " + address_text(*ip) + ", a " + std::string(*kind) +
                          " address (serve --webhook-allow-private allows it)";
      return CURL_SOCKET_BAD;
    }
  }
  return socket(address->family, address->socktype, address->protocol);
}

std::size_t keep_body_start(char* data, std::size_t size, std::size_t count, void* context) {
  auto* transfer = static_cast<Transfer*>(context);
  const std::size_t bytes = size * count;
  const std::size_t room = kBodyKept - std::min(kBodyKept, transfer->body_start.size());
  transfer->body_start.append(data, std::min(room, bytes));
  return bytes;  // read on (and drop) the rest: the connection stays usable
}

void check(CURLcode code, const char* what) {
  if (code != CURLE_OK) throw std::runtime_error(std::string(what) + ": " + curl_easy_strerror(code));
}

}  // namespace

struct HttpPoster::Impl {
  PosterOptions options;
  CURLM* multi = nullptr;
  std::map<CURL*, std::unique_ptr<Transfer>> transfers;
};

HttpPoster::HttpPoster(PosterOptions options) : impl_(std::make_unique<Impl>()) {
  init_curl_once();
  impl_->options = std::move(options);
  impl_->multi = curl_multi_init();
  if (impl_->multi == nullptr) throw std::runtime_error("curl_multi_init failed");
}

HttpPoster::~HttpPoster() {
  for (auto& [easy, transfer] : impl_->transfers) curl_multi_remove_handle(impl_->multi, easy);
  impl_->transfers.clear();
  curl_multi_cleanup(impl_->multi);
}

void HttpPoster::start(PostRequest request) {
  auto transfer = std::make_unique<Transfer>();
  transfer->request = std::move(request);
  transfer->allow_private = impl_->options.allow_private_addresses;
  transfer->easy = curl_easy_init();
  if (transfer->easy == nullptr) throw std::runtime_error("curl_easy_init failed");
  for (const auto& header : transfer->request.headers)
    transfer->headers = curl_slist_append(transfer->headers, header.c_str());
  // No "Expect: 100-continue" round trip before larger bodies.
  transfer->headers = curl_slist_append(transfer->headers, "Expect:");
  CURL* e = transfer->easy;
  const auto& r = transfer->request;
  check(curl_easy_setopt(e, CURLOPT_URL, r.url.c_str()), "url");
  check(curl_easy_setopt(e, CURLOPT_PROTOCOLS_STR, "http,https"), "protocols");
  check(curl_easy_setopt(e, CURLOPT_POST, 1L), "post");
  check(curl_easy_setopt(e, CURLOPT_POSTFIELDS, r.body.data()), "body");
  check(curl_easy_setopt(e, CURLOPT_POSTFIELDSIZE_LARGE, static_cast<curl_off_t>(r.body.size())), "body size");
  check(curl_easy_setopt(e, CURLOPT_HTTPHEADER, transfer->headers), "headers");
  check(curl_easy_setopt(e, CURLOPT_TIMEOUT_MS, static_cast<long>(r.timeout.count())), "timeout");
  check(curl_easy_setopt(e, CURLOPT_NOSIGNAL, 1L), "nosignal");
  check(curl_easy_setopt(e, CURLOPT_FOLLOWLOCATION, 0L), "redirects");
  // Proxies from the environment would move the SSRF check to the proxy's
  // address; webhooks go direct.
  check(curl_easy_setopt(e, CURLOPT_PROXY, ""), "proxy");
  check(curl_easy_setopt(e, CURLOPT_SSL_VERIFYPEER, 1L), "verify peer");
  check(curl_easy_setopt(e, CURLOPT_SSL_VERIFYHOST, 2L), "verify host");
  if (!impl_->options.extra_ca_file.empty()) {
    check(curl_easy_setopt(e, CURLOPT_CAINFO, impl_->options.extra_ca_file.c_str()), "ca file");
    check(curl_easy_setopt(e, CURLOPT_CAPATH, kSystemCaPath), "ca path");
  }
  check(curl_easy_setopt(e, CURLOPT_OPENSOCKETFUNCTION, open_socket), "open socket");
  check(curl_easy_setopt(e, CURLOPT_OPENSOCKETDATA, transfer.get()), "open socket data");
  check(curl_easy_setopt(e, CURLOPT_WRITEFUNCTION, keep_body_start), "write");
  check(curl_easy_setopt(e, CURLOPT_WRITEDATA, transfer.get()), "write data");
  check(curl_easy_setopt(e, CURLOPT_ERRORBUFFER, transfer->error), "error buffer");
  check(curl_easy_setopt(e, CURLOPT_USERAGENT, "maitred-webhooks/" MAITRED_VERSION), "user agent");
  if (curl_multi_add_handle(impl_->multi, e) != CURLM_OK) throw std::runtime_error("curl_multi_add_handle failed");
  impl_->transfers.emplace(e, std::move(transfer));
}

std::vector<PostResult> HttpPoster::run(std::chrono::milliseconds wait) {
  int running = 0;
  curl_multi_perform(impl_->multi, &running);
  if (running > 0 || impl_->transfers.empty()) {
    curl_multi_poll(impl_->multi, nullptr, 0, static_cast<int>(wait.count()), nullptr);
    curl_multi_perform(impl_->multi, &running);
  }
  std::vector<PostResult> finished;
  int left = 0;
  while (CURLMsg* message = curl_multi_info_read(impl_->multi, &left)) {
    if (message->msg != CURLMSG_DONE) continue;
    CURL* e = message->easy_handle;
    auto found = impl_->transfers.find(e);
    if (found == impl_->transfers.end()) continue;
    auto& t = *found->second;
    PostResult result;
    result.tag = t.request.tag;
    curl_off_t micros = 0;
    curl_easy_getinfo(e, CURLINFO_TOTAL_TIME_T, &micros);
    result.duration_ms = static_cast<long long>(micros / 1000);
    const CURLcode code = message->data.result;
    if (code == CURLE_OK) {
      long status = 0;
      curl_easy_getinfo(e, CURLINFO_RESPONSE_CODE, &status);
      result.outcome = PostResult::Outcome::answered;
      result.status = static_cast<int>(status);
      result.body_start = std::move(t.body_start);
    } else if (!t.refused.empty()) {
      result.outcome = PostResult::Outcome::refused;
      result.error = t.refused;
    } else if (code == CURLE_OPERATION_TIMEDOUT) {
      result.outcome = PostResult::Outcome::timeout;
      result.error = "no answer within " + std::to_string(t.request.timeout.count() / 1000) + " s";
    } else {
      result.outcome = PostResult::Outcome::error;
      result.error = t.error[0] != '\0' ? std::string(t.error) : curl_easy_strerror(code);
    }
    curl_multi_remove_handle(impl_->multi, e);
    impl_->transfers.erase(found);
    finished.push_back(std::move(result));
  }
  return finished;
}

void HttpPoster::wakeup() {
  curl_multi_wakeup(impl_->multi);
}

std::size_t HttpPoster::in_flight() const {
  return impl_->transfers.size();
}

}  // namespace maitred::delivery

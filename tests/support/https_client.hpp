#pragma once
// A deliberately small HTTP/1.1 client for the black-box tests: TLS that
// verifies the server's certificate against the one in its data folder, or
// plain TCP; whole requests or raw bytes.

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

namespace maitred::test {

struct Reply {
  unsigned status = 0;
  std::map<std::string, std::string> headers;  // names lower-cased
  std::string body;
  bool keep_alive = false;

  bool has(const std::string& name) const { return headers.contains(name); }
  std::string header(const std::string& name) const;
};

using Headers = std::vector<std::pair<std::string, std::string>>;

class HttpClient {
 public:
  // TLS when `ca_file` is given (the server's self-signed certificate).
  // `source`: the local address to connect from (any 127.x.y.z reaches the
  // server on loopback); empty: the system's choice.
  HttpClient(std::uint16_t port, const std::filesystem::path& ca_file, const std::string& source = {});
  static HttpClient plain(std::uint16_t port);
  ~HttpClient();
  HttpClient(HttpClient&&) noexcept;

  Reply request(const std::string& method, const std::string& target, const Headers& headers = {},
                const std::string& body = {});
  void send_raw(const std::string& bytes);
  Reply read_reply();
  // Bytes the server has sent that are not read yet: whether its reply has
  // arrived, without waiting for one.
  std::size_t bytes_waiting();
  // True when the connection can carry another request: the server has not
  // closed it and sent nothing unasked (checked without waiting).
  bool idle_and_open();
  // True when the server closes the connection within `wait` without sending
  // anything more.
  bool closed_by_server(std::chrono::milliseconds wait);

 private:
  HttpClient();
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// "Basic " + base64("<key>:")
std::string basic_auth(const std::string& key, bool with_colon = true);

}  // namespace maitred::test

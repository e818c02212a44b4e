#include "core/self_signed_cert.hpp"

#include <openssl/evp.h>
#include <openssl/pem.h>
#include <openssl/rand.h>
#include <openssl/x509.h>
#include <openssl/x509v3.h>
#include <sys/stat.h>

#include <cstdio>
#include <memory>
#include <stdexcept>
#include <string>

namespace maitred::core {

namespace {

template <auto Free>
struct Deleter {
  template <typename T>
  void operator()(T* p) const {
    Free(p);
  }
};
using PkeyPtr = std::unique_ptr<EVP_PKEY, Deleter<EVP_PKEY_free>>;
using X509Ptr = std::unique_ptr<X509, Deleter<X509_free>>;
using ExtPtr = std::unique_ptr<X509_EXTENSION, Deleter<X509_EXTENSION_free>>;

[[noreturn]] void fail(const std::string& what) {
  throw std::runtime_error("TLS certificate: " + what);
}

constexpr long kValiditySeconds = 10L * 365 * 24 * 3600;

X509Ptr make_certificate(EVP_PKEY* key) {
  X509Ptr cert(X509_new());
  if (!cert) fail("out of memory");
  X509_set_version(cert.get(), 2);  // v3
  unsigned char serial[16];
  RAND_bytes(serial, sizeof serial);
  serial[0] &= 0x7F;  // positive
  BIGNUM* bn = BN_bin2bn(serial, sizeof serial, nullptr);
  BN_to_ASN1_INTEGER(bn, X509_get_serialNumber(cert.get()));
  BN_free(bn);
  X509_gmtime_adj(X509_getm_notBefore(cert.get()), -3600);
  X509_gmtime_adj(X509_getm_notAfter(cert.get()), kValiditySeconds);
  X509_set_pubkey(cert.get(), key);
  X509_NAME* name = X509_get_subject_name(cert.get());
  X509_NAME_add_entry_by_txt(name, "O", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("maitred"), -1, -1, 0);
  X509_NAME_add_entry_by_txt(name, "CN", MBSTRING_ASC, reinterpret_cast<const unsigned char*>("localhost"), -1, -1, 0);
  X509_set_issuer_name(cert.get(), name);

  X509V3_CTX ctx;
  X509V3_set_ctx_nodb(&ctx);
  X509V3_set_ctx(&ctx, cert.get(), cert.get(), nullptr, nullptr, 0);
  for (auto [nid, value] :
       {std::pair{NID_subject_alt_name, "DNS:localhost,IP:127.0.0.1,IP:::1"},
        std::pair{NID_basic_constraints, "critical,CA:FALSE"}, std::pair{NID_key_usage, "critical,digitalSignature"},
        std::pair{NID_ext_key_usage, "serverAuth"}}) {
    ExtPtr ext(X509V3_EXT_conf_nid(nullptr, &ctx, nid, value));
    if (!ext || X509_add_ext(cert.get(), ext.get(), -1) != 1) fail("cannot add certificate extension");
  }
  if (X509_sign(cert.get(), key, EVP_sha256()) == 0) fail("cannot sign certificate");
  return cert;
}

void write_pem(const std::filesystem::path& path, mode_t mode, auto&& write) {
  auto tmp = path;
  tmp += ".tmp";
  std::FILE* f = std::fopen(tmp.c_str(), "wb");
  if (f == nullptr) fail("cannot write " + tmp.string());
  ::chmod(tmp.c_str(), mode);
  bool ok = write(f) == 1;
  ok = (std::fflush(f) == 0) && ok;
  std::fclose(f);
  if (!ok) fail("cannot write " + tmp.string());
  std::filesystem::rename(tmp, path);
}

}  // namespace

CertificatePaths ensure_self_signed_certificate(const std::filesystem::path& dir) {
  CertificatePaths paths{dir / "tls-cert.pem", dir / "tls-key.pem"};
  if (std::filesystem::exists(paths.certificate) && std::filesystem::exists(paths.private_key)) return paths;

  PkeyPtr key(EVP_EC_gen("P-256"));
  if (!key) fail("cannot generate a P-256 key");
  X509Ptr cert = make_certificate(key.get());
  // Key first: a certificate without its key would be reused and fail later.
  write_pem(paths.private_key, 0600,
            [&](std::FILE* f) { return PEM_write_PrivateKey(f, key.get(), nullptr, nullptr, 0, nullptr, nullptr); });
  write_pem(paths.certificate, 0644, [&](std::FILE* f) { return PEM_write_X509(f, cert.get()); });
  return paths;
}

}  // namespace maitred::core

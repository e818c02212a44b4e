#pragma once
// A self-signed certificate for the default, secure-out-of-the-box run: made
// once into the data folder and reused, so clients can pin it.

#include <filesystem>

namespace maitred::core {

struct CertificatePaths {
  std::filesystem::path certificate;
  std::filesystem::path private_key;
};

// Returns the paths in `dir`, generating an EC P-256 key and a certificate for
// localhost / 127.0.0.1 / ::1 if they do not exist yet. Throws
// std::runtime_error with a readable message on failure.
CertificatePaths ensure_self_signed_certificate(const std::filesystem::path& dir);

}  // namespace maitred::core

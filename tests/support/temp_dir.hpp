#pragma once
// A fresh folder under /tmp, removed with everything in it at scope exit.

#include <filesystem>

namespace maitred::test {

class TempDir {
 public:
  TempDir();
  ~TempDir();
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
  const std::filesystem::path& path() const { return path_; }

 private:
  std::filesystem::path path_;
};

}  // namespace maitred::test

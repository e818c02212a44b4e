#pragma once
// A change counter shared by every process that works on one data folder,
// kept in a small memory-mapped file. A process that changes data bumps it;
// a process that caches data compares it on each use, which costs one memory
// read and no system call. This is what lets the server cache API keys and
// still refuse a key revoked by `maitred key revoke` (another process) from
// the very next request.

#include <cstdint>
#include <filesystem>

namespace maitred::core {

class SharedGeneration {
 public:
  // Opens or creates `file`; throws std::runtime_error when it cannot.
  explicit SharedGeneration(const std::filesystem::path& file);
  ~SharedGeneration();
  SharedGeneration(const SharedGeneration&) = delete;
  SharedGeneration& operator=(const SharedGeneration&) = delete;

  std::uint64_t current() const;
  void bump();

 private:
  std::uint64_t* counter_ = nullptr;  // inside the shared mapping
};

}  // namespace maitred::core

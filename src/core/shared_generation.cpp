#include "core/shared_generation.hpp"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstring>
#include <stdexcept>
#include <string>

namespace maitred::core {

namespace {
constexpr std::size_t kMappingSize = 4096;
static_assert(std::atomic_ref<std::uint64_t>::is_always_lock_free,
              "a lock-free 64-bit atomic is what makes the counter safe across processes");

[[noreturn]] void fail(const std::string& what, const std::filesystem::path& file) {
  throw std::runtime_error(what + " " + file.string() + ": " + std::strerror(errno));
}
}  // namespace

SharedGeneration::SharedGeneration(const std::filesystem::path& file) {
  int fd = ::open(file.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0600);
  if (fd < 0) fail("cannot open", file);
  // Growing a file with ftruncate fills it with zeros, and never shrinks a
  // counter another process already uses.
  struct stat st {};
  if (::fstat(fd, &st) != 0 ||
      (st.st_size < static_cast<off_t>(kMappingSize) && ::ftruncate(fd, static_cast<off_t>(kMappingSize)) != 0)) {
    ::close(fd);
    fail("cannot size", file);
  }
  void* mapping = ::mmap(nullptr, kMappingSize, PROT_READ | PROT_WRITE, MAP_SHARED, fd, 0);
  ::close(fd);
  if (mapping == MAP_FAILED) fail("cannot map", file);
  counter_ = static_cast<std::uint64_t*>(mapping);
}

SharedGeneration::~SharedGeneration() {
  if (counter_ != nullptr) ::munmap(counter_, kMappingSize);
}

std::uint64_t SharedGeneration::current() const {
  return std::atomic_ref<std::uint64_t>(*counter_).load(std::memory_order_acquire);
}

void SharedGeneration::bump() {
  std::atomic_ref<std::uint64_t>(*counter_).fetch_add(1, std::memory_order_acq_rel);
}

}  // namespace maitred::core

// ServeConfig::handler_threads: 0 (the default: serve chooses) up to 1024.

#include <gtest/gtest.h>

#include "core/config.hpp"

namespace maitred::core {
namespace {

TEST(ServeConfigHandlerThreads, DefaultLetsServeChoose) {
  EXPECT_EQ(ServeConfig{}.handler_threads, 0u);
  EXPECT_FALSE(validate(ServeConfig{}));
}

TEST(ServeConfigHandlerThreads, AtMost1024) {
  ServeConfig c;
  c.handler_threads = 1024;
  EXPECT_FALSE(validate(c));
  c.handler_threads = 1025;
  auto error = validate(c);
  ASSERT_TRUE(error);
  EXPECT_NE(error->find("--handler-threads"), std::string::npos) << *error;
}

}  // namespace
}  // namespace maitred::core

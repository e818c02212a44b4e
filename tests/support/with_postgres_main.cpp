// with_postgres COMMAND [ARGS...]: runs COMMAND with a throwaway PostgreSQL
// cluster (support/pg_cluster.hpp) and MAITRED_TEST_POSTGRES_URL naming it,
// then stops the cluster and removes its folder. `.ci/run` runs the black-box
// suite a second time this way, so every API test also runs on PostgreSQL
// (support/test_database.hpp). Exits with COMMAND's exit code.

#include <sys/wait.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <exception>
#include <iostream>

#include "support/pg_cluster.hpp"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: with_postgres COMMAND [ARGS...]\n";
    return 2;
  }
  try {
    maitred::test::PgCluster cluster;
    ::setenv("MAITRED_TEST_POSTGRES_URL", cluster.url().c_str(), 1);
    std::cerr << "with_postgres: PostgreSQL on port " << cluster.port() << " in " << cluster.folder().string() << "\n";
    const pid_t child = ::fork();
    if (child < 0) throw std::runtime_error("fork failed");
    if (child == 0) {
      ::execvp(argv[1], argv + 1);
      std::cerr << "with_postgres: cannot run " << argv[1] << "\n";
      std::_Exit(127);
    }
    int status = 0;
    while (::waitpid(child, &status, 0) < 0 && errno == EINTR) {
    }
    return WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  } catch (const std::exception& e) {
    std::cerr << "with_postgres: " << e.what() << "\n";
    return 1;
  }
}

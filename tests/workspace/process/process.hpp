// Starting the command line as a child process, killing it, waiting for it (workspace tests).
#pragma once

#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <stdexcept>
#include <string>
#include <vector>

extern char **environ;

namespace cadrekit::test {

/// A child process running `argv`, its standard output and error sent to `err_file`.
class Child {
 public:
  Child(const std::vector<std::string> &argv, const std::string &err_file) {
    std::vector<char *> args;
    for (const auto &a : argv) args.push_back(const_cast<char *>(a.c_str()));
    args.push_back(nullptr);
    posix_spawn_file_actions_t fa;
    posix_spawn_file_actions_init(&fa);
    posix_spawn_file_actions_addopen(&fa, 1, "/dev/null", O_WRONLY, 0);
    posix_spawn_file_actions_addopen(&fa, 2, err_file.c_str(), O_WRONLY | O_CREAT | O_TRUNC, 0600);
    const int rc = posix_spawn(&pid_, args[0], &fa, nullptr, args.data(), environ);
    posix_spawn_file_actions_destroy(&fa);
    if (rc != 0) throw std::runtime_error("cannot start " + argv[0]);
  }
  ~Child() {
    if (pid_ > 0) {
      ::kill(pid_, SIGKILL);
      ::waitpid(pid_, nullptr, 0);
    }
  }
  Child(const Child &) = delete;
  Child &operator=(const Child &) = delete;

  void kill9() {
    if (pid_ > 0) ::kill(pid_, SIGKILL);
  }
  /// True while the process runs (reaps it when it has ended).
  bool running() {
    if (pid_ <= 0) return false;
    int st = 0;
    if (::waitpid(pid_, &st, WNOHANG) != pid_) return true;
    pid_ = -1;
    status_ = decode(st);
    return false;
  }
  /// Waits; returns the exit status, or 128 + the signal that ended it.
  int wait() {
    if (pid_ > 0) {
      int st = 0;
      while (::waitpid(pid_, &st, 0) < 0) {
      }
      pid_ = -1;
      status_ = decode(st);
    }
    return status_;
  }

 private:
  static int decode(int st) {
    if (WIFEXITED(st)) return WEXITSTATUS(st);
    if (WIFSIGNALED(st)) return 128 + WTERMSIG(st);
    return -1;
  }
  pid_t pid_ = -1;
  int status_ = -1;
};

inline int run(const std::vector<std::string> &argv, const std::string &err_file) {
  Child c(argv, err_file);
  return c.wait();
}

}  // namespace cadrekit::test

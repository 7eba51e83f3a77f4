// fork/exec of sacct with its stdout on a pipe read through a small streambuf.
#include "cluster/sacct_runner.h"

#include <fcntl.h>
#include <sys/wait.h>
#include <unistd.h>

#include <array>
#include <cerrno>
#include <cstring>

#include <fmt/format.h>

#include "cluster/sacct_parsable.h"

namespace carbonscope::cluster {
namespace {

class FdBuf : public std::streambuf {
 public:
  explicit FdBuf(int fd) : fd_(fd) {}

 protected:
  int_type underflow() override {
    for (;;) {
      const ssize_t n = ::read(fd_, buf_.data(), buf_.size());
      if (n > 0) {
        setg(buf_.data(), buf_.data(), buf_.data() + n);
        return traits_type::to_int_type(buf_[0]);
      }
      if (n < 0 && errno == EINTR) continue;
      return traits_type::eof();
    }
  }

 private:
  int fd_;
  std::array<char, 1 << 16> buf_{};
};

}  // namespace

std::vector<std::string> sacct_argv(const SacctQuery& q) {
  std::vector<std::string> a = {q.sacct};
  if (q.json) {
    a.emplace_back("--json");
  } else {
    a.insert(a.end(), {"--parsable2", "--format", kSacctFields});
  }
  if (q.all_users) a.emplace_back("--allusers");
  const auto opt = [&a](const char* flag, const std::string& v) {
    if (!v.empty()) a.push_back(std::string(flag) + "=" + v);
  };
  opt("--starttime", q.starttime);
  opt("--endtime", q.endtime);
  opt("--user", q.user);
  opt("--account", q.account);
  opt("--partition", q.partition);
  opt("--clusters", q.cluster);
  return a;
}

Result<std::unique_ptr<SacctProcess>> SacctProcess::start(const std::vector<std::string>& argv) {
  int fds[2];
  if (pipe2(fds, O_CLOEXEC) != 0)
    return Status::io_error(fmt::format("cannot run sacct: pipe: {}", std::strerror(errno)));
  const pid_t pid = fork();
  if (pid < 0) {
    ::close(fds[0]);
    ::close(fds[1]);
    return Status::io_error(fmt::format("cannot run sacct: fork: {}", std::strerror(errno)));
  }
  if (pid == 0) {
    dup2(fds[1], STDOUT_FILENO);
    std::vector<char*> args;
    for (const std::string& s : argv) args.push_back(const_cast<char*>(s.c_str()));
    args.push_back(nullptr);
    execvp(args[0], args.data());
    const int e = errno;
    (void)!::write(STDERR_FILENO, "carbonscope: cannot execute ", 28);
    (void)!::write(STDERR_FILENO, args[0], std::strlen(args[0]));
    (void)!::write(STDERR_FILENO, "\n", 1);
    _exit(e == ENOENT ? 127 : 126);
  }
  ::close(fds[1]);
  std::unique_ptr<SacctProcess> p(new SacctProcess());
  p->pid_ = pid;
  p->out_fd_ = fds[0];
  p->program_ = argv.front();
  p->buf_ = std::make_unique<FdBuf>(fds[0]);
  p->stream_ = std::make_unique<std::istream>(p->buf_.get());
  return p;
}

SacctProcess::~SacctProcess() {
  if (out_fd_ >= 0) ::close(out_fd_);
  if (pid_ > 0) {
    int status = 0;
    waitpid(pid_, &status, 0);
  }
}

Status SacctProcess::finish() {
  ::close(out_fd_);
  out_fd_ = -1;
  int status = 0;
  while (waitpid(pid_, &status, 0) < 0 && errno == EINTR) {
  }
  pid_ = -1;
  if (WIFEXITED(status) && WEXITSTATUS(status) == 0) return Status::ok_status();
  if (WIFEXITED(status) && WEXITSTATUS(status) == 127) {
    return Status::not_found(
        fmt::format("'{}' was not found: install slurm-client, give --sacct PATH, or import a "
                    "saved dump with 'carbonscope slurm import FILE'",
                    program_));
  }
  return Status::unavailable(
      fmt::format("{} failed (exit status {}; its message is above): check that slurmdbd answers (sacctmgr "
                  "show cluster) and "
                  "SLURM_CONF points at the cluster's slurm.conf",
                  program_, WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status)));
}

}  // namespace carbonscope::cluster

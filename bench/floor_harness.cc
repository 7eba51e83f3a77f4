// The floor of a process-scope sample on this machine: a thread that wakes every
// interval on a condition variable's timed wait (as the sampler's does) and does only
// the minimum a process-scope sample needs: pread /proc/stat and /proc/PID/stat on
// descriptors kept open, and parse the aggregate cpu line and the process's times.
// bench/floor.py runs it beside `carbonscope run` in the same session.
//
// Usage: carbonscope_floor_harness SECONDS INTERVAL_MS -- CMD ARGS...
// Starts CMD, samples it until it exits, prints "wakeups N" and "thread_cpu_us N".
#include <fcntl.h>
#include <pthread.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <charconv>
#include <chrono>
#include <condition_variable>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <mutex>
#include <string>
#include <thread>

namespace {

unsigned long long sink = 0;

void parse_first_numbers(const char* p, const char* end, int count) {
  for (int i = 0; i < count && p < end; ++i) {
    while (p < end && (*p < '0' || *p > '9')) ++p;
    unsigned long long v = 0;
    const auto r = std::from_chars(p, end, v);
    p = r.ptr;
    sink += v;
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 5 || std::strcmp(argv[3], "--") != 0) {
    std::fprintf(stderr, "usage: %s SECONDS INTERVAL_MS -- CMD ARGS...\n", argv[0]);
    return 2;
  }
  const double interval_ms = std::atof(argv[2]);
  const pid_t pid = ::fork();
  if (pid == 0) {
    ::execvp(argv[4], argv + 4);
    _exit(127);
  }
  const int stat_fd = ::open("/proc/stat", O_RDONLY | O_CLOEXEC);
  const std::string pid_stat = "/proc/" + std::to_string(pid) + "/stat";
  const int pid_fd = ::open(pid_stat.c_str(), O_RDONLY | O_CLOEXEC);
  if (stat_fd < 0 || pid_fd < 0) return 1;
  std::mutex mu;
  std::condition_variable cv;
  bool done = false;
  long wakeups = 0;
  double thread_cpu_us = 0;
  std::thread t([&] {
    char buf[16384];
    const auto step = std::chrono::duration<double, std::milli>(interval_ms);
    auto next = std::chrono::steady_clock::now() + std::chrono::duration_cast<std::chrono::nanoseconds>(step);
    std::unique_lock<std::mutex> lock(mu);
    while (!done) {
      if (cv.wait_until(lock, next, [&] { return done; })) break;
      const ssize_t n = ::pread(stat_fd, buf, sizeof buf, 0);
      if (n > 0) parse_first_numbers(buf, buf + n, 8);  // the aggregate "cpu" line
      const ssize_t m = ::pread(pid_fd, buf, sizeof buf, 0);
      if (m > 0) {
        const char* close = static_cast<const char*>(std::memchr(buf, ')', static_cast<std::size_t>(m)));
        if (close != nullptr) parse_first_numbers(close, buf + m, 22);
      }
      ++wakeups;
      next += std::chrono::duration_cast<std::chrono::nanoseconds>(step);
    }
    timespec ts{};
    ::clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts);
    thread_cpu_us = static_cast<double>(ts.tv_sec) * 1e6 + static_cast<double>(ts.tv_nsec) / 1e3;
  });
  siginfo_t info{};
  ::waitid(P_PID, static_cast<id_t>(pid), &info, WEXITED | WNOWAIT);  // keep /proc/PID for the thread
  {
    std::lock_guard<std::mutex> lock(mu);
    done = true;
  }
  cv.notify_all();
  t.join();
  int status = 0;
  ::waitpid(pid, &status, 0);
  std::printf("wakeups %ld\nthread_cpu_us %.0f\nsink %llu\n", wakeups, thread_cpu_us, sink % 10);
  return 0;
}

// Run ids that cannot collide: the UTC second, then 48 bits that are a random base drawn
// once per process (getrandom; drawn again after a fork, as the pid changes) plus a
// per-process counter. Two ids of one process always differ (the counter); ids of two
// processes differ unless their random bases fall within as many ids of each other
// (about 2^-47 for a pair of processes that start in the same second).
#include <sys/random.h>
#include <unistd.h>

#include <atomic>
#include <mutex>
#include <random>

#include "carbonscope/run_filter.h"

namespace carbonscope {
namespace {

std::uint64_t random_bits() {
  std::uint64_t v = 0;
  if (::getrandom(&v, sizeof v, 0) == static_cast<ssize_t>(sizeof v)) return v;
  std::random_device rd;  // getrandom is missing (very old kernels): the C++ source
  return (static_cast<std::uint64_t>(rd()) << 32) ^ rd() ^ static_cast<std::uint64_t>(::getpid());
}

struct IdState {
  std::mutex mu;
  pid_t pid = 0;
  std::uint64_t base = 0;
  std::uint64_t next = 0;
};

std::uint64_t next_suffix() {
  static IdState s;
  std::lock_guard<std::mutex> lock(s.mu);
  if (s.pid != ::getpid()) {  // first use, or a forked child: a base of its own
    s.pid = ::getpid();
    s.base = random_bits();
    s.next = 0;
  }
  return (s.base + s.next++) & 0xFFFFFFFFFFFFull;
}

}  // namespace

std::string new_run_id(double unix_seconds) { return make_run_id(unix_seconds, next_suffix()); }

}  // namespace carbonscope

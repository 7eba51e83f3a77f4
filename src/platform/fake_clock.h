// FakeClock: the Clock (carbonscope/clock.h) of the library's tests.
#pragma once

#include <atomic>
#include <condition_variable>
#include <mutex>
#include <vector>

#include "carbonscope/clock.h"

namespace carbonscope {

// A clock for tests. Time moves by advance() and sleep_until() only. A wait_until
// (the sampler's wait for its next tick) returns at once, the clock moved to its end,
// when that end is at most the limit given to run_until(); later waits block until
// run_until() lets them through or stop() holds. So a test lets the sampler thread take
// exactly the ticks it wants, at full speed: run_until(100 s) is 100 ticks of 1 s.
class FakeClock final : public Clock {
 public:
  explicit FakeClock(Duration start = Duration(0), double unix_start = 1.7e9)
      : now_(start.count()), unix_offset_(unix_start - start.count()) {}
  Duration now() const override { return Duration(now_.load()); }
  double unix_seconds() const override { return now_.load() + unix_offset_; }
  void sleep_until(Duration t) override {
    if (t.count() > now_.load()) now_.store(t.count());
  }
  bool wait_until(Duration t, std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                  const std::function<bool()>& stop) override;
  void advance(Duration d) { now_.store(now_.load() + d.count()); }
  // Waits that end at or before `limit` (clock time) return at once from now on
  // (advance() alone never ends a wait: what the sampler does stays the test's choice).
  void run_until(Duration limit);

 private:
  struct Waiter {
    std::mutex* mu;
    std::condition_variable* cv;
  };
  std::atomic<double> now_;
  double unix_offset_;
  std::atomic<double> free_until_{-1e300};
  std::mutex waiters_mu_;
  std::vector<Waiter> waiters_;
};

}  // namespace carbonscope

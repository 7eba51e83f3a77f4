// Clock: the only source of time for the sampler and the tracker, so tests can drive
// time by hand. SteadyClock is the real one; FakeClock advances only when told.
#pragma once

#include <atomic>
#include <chrono>
#include <cstdint>

#include "carbonscope/units.h"

namespace carbonscope {

class Clock {
 public:
  virtual ~Clock() = default;
  // Monotonic seconds since an arbitrary origin.
  virtual Duration now() const = 0;
  // Wall-clock time, Unix seconds (for timestamps in outputs).
  virtual double unix_seconds() const = 0;
  // Blocks until now() >= t (a fake clock jumps there at once).
  virtual void sleep_until(Duration t) = 0;
};

class SteadyClock final : public Clock {
 public:
  Duration now() const override;
  double unix_seconds() const override;
  void sleep_until(Duration t) override;
};

class FakeClock final : public Clock {
 public:
  explicit FakeClock(Duration start = Duration(0), double unix_start = 1.7e9)
      : now_(start.count()), unix_offset_(unix_start - start.count()) {}
  Duration now() const override { return Duration(now_.load()); }
  double unix_seconds() const override { return now_.load() + unix_offset_; }
  void sleep_until(Duration t) override {
    if (t.count() > now_.load()) now_.store(t.count());
  }
  void advance(Duration d) { now_.store(now_.load() + d.count()); }

 private:
  std::atomic<double> now_;
  double unix_offset_;
};

// The process's shared real clock.
Clock& system_clock();

}  // namespace carbonscope

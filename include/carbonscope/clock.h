// Clock: the only source of time for the sampler and the tracker (TrackerConfig::clock),
// so tests can drive time by hand. SteadyClock is the real one (system_clock()); the
// library's own tests use a fake one that advances only when told. The sampler also
// *waits* through the clock (wait_until), so a fake clock drives a whole tracked run,
// thread included, without sleeping.
#pragma once

#include <chrono>
#include <condition_variable>
#include <functional>
#include <mutex>

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
  // Waits, holding `lock` except while blocked on `cv`, until now() >= t or stop()
  // (whoever changes what stop() reads notifies `cv` under `lock`'s mutex). Returns
  // stop(). A real clock waits on `cv` for the time left.
  virtual bool wait_until(Duration t, std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                          const std::function<bool()>& stop);
};

class SteadyClock final : public Clock {
 public:
  Duration now() const override;
  double unix_seconds() const override;
  void sleep_until(Duration t) override;
};

// The process's shared real clock.
Clock& system_clock();

}  // namespace carbonscope

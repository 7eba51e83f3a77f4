// A clock that starts at a chosen wall time and runs `scale` times faster than the real
// one: `run --start-when-clean` under CARBONSCOPE_TEST_NOW / CARBONSCOPE_TEST_TIME_SCALE,
// so tests see a wait of hours pass in seconds and still really sleep (and can be
// interrupted) while they do. For testing only.
#pragma once

#include "platform/clock.h"

namespace carbonscope {

class ScaledClock final : public Clock {
 public:
  ScaledClock(Clock& real, double unix_start, double scale);
  Duration now() const override;
  double unix_seconds() const override;
  void sleep_until(Duration t) override;
  bool wait_until(Duration t, std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                  const std::function<bool()>& stop) override;
  double scale() const { return scale_; }

 private:
  Clock& real_;
  Duration real_start_;
  double unix_start_;
  double scale_;
};

}  // namespace carbonscope

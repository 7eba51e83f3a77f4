// A fast-running clock for tests of long waits.
#include "platform/scaled_clock.h"

#include <algorithm>

namespace carbonscope {

ScaledClock::ScaledClock(Clock& real, double unix_start, double scale)
    : real_(real), real_start_(real.now()), unix_start_(unix_start), scale_(std::max(scale, 1e-9)) {}

Duration ScaledClock::now() const { return Duration((real_.now() - real_start_).count() * scale_); }

double ScaledClock::unix_seconds() const { return unix_start_ + now().count(); }

void ScaledClock::sleep_until(Duration t) { real_.sleep_until(real_start_ + Duration(t.count() / scale_)); }

bool ScaledClock::wait_until(Duration t, std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                             const std::function<bool()>& stop) {
  return real_.wait_until(real_start_ + Duration(t.count() / scale_), lock, cv, stop);
}

}  // namespace carbonscope

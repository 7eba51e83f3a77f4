// The real clock: std::chrono::steady_clock for intervals, system_clock for stamps.
#include "carbonscope/clock.h"

#include <thread>

namespace carbonscope {

Duration SteadyClock::now() const {
  return std::chrono::duration_cast<Duration>(std::chrono::steady_clock::now().time_since_epoch());
}

double SteadyClock::unix_seconds() const {
  return std::chrono::duration<double>(std::chrono::system_clock::now().time_since_epoch()).count();
}

void SteadyClock::sleep_until(Duration t) {
  const auto target = std::chrono::steady_clock::time_point(
      std::chrono::duration_cast<std::chrono::steady_clock::duration>(t));
  std::this_thread::sleep_until(target);
}

bool Clock::wait_until(Duration t, std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                       const std::function<bool()>& stop) {
  while (!stop()) {
    const Duration left = t - now();
    if (left.count() <= 0) return false;
    cv.wait_for(lock, std::chrono::duration_cast<std::chrono::nanoseconds>(left));
  }
  return true;
}

Clock& system_clock() {
  static SteadyClock clock;
  return clock;
}

}  // namespace carbonscope

// The real clock: std::chrono::steady_clock for intervals, system_clock for stamps.
#include "platform/clock.h"

#include <algorithm>
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

bool FakeClock::wait_until(Duration t, std::unique_lock<std::mutex>& lock, std::condition_variable& cv,
                           const std::function<bool()>& stop) {
  const auto released = [&] { return t.count() <= free_until_.load(); };
  {
    std::lock_guard<std::mutex> g(waiters_mu_);
    waiters_.push_back({lock.mutex(), &cv});
  }
  cv.wait(lock, [&] { return stop() || released(); });
  {
    std::lock_guard<std::mutex> g(waiters_mu_);
    waiters_.erase(std::find_if(waiters_.begin(), waiters_.end(), [&](const Waiter& w) { return w.cv == &cv; }));
  }
  if (stop()) return true;
  sleep_until(t);
  return false;
}

void FakeClock::run_until(Duration limit) {
  free_until_.store(limit.count());
  std::vector<Waiter> waiters;
  {
    std::lock_guard<std::mutex> g(waiters_mu_);
    waiters = waiters_;
  }
  for (const Waiter& w : waiters) {
    std::lock_guard<std::mutex> g(*w.mu);  // so the waiter is either before its check or inside wait
    w.cv->notify_all();
  }
}

Clock& system_clock() {
  static SteadyClock clock;
  return clock;
}

}  // namespace carbonscope

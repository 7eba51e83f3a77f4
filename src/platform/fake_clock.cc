// The test clock: waits released up to a limit, time moved by hand.
#include "platform/fake_clock.h"

#include <algorithm>

namespace carbonscope {

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

}  // namespace carbonscope

// The start-when-clean wait: a scaled view of the system clock, polled so that a stop
// signal ends the sleep within a fifth of a (real) second.
#include "carbonscope/start_wait.h"

#include <signal.h>

#include <algorithm>
#include <array>
#include <cstdlib>

#include <fmt/format.h>

#include "carbonscope/clock.h"
#include "carbonscope/hourly.h"

namespace carbonscope {
namespace {

volatile sig_atomic_t g_stop_signal = 0;

void on_stop(int sig) { g_stop_signal = sig; }

// Catches the stop signals for the wait and restores the previous handlers after it.
class StopSignals {
 public:
  StopSignals() {
    g_stop_signal = 0;
    struct sigaction sa {};
    sa.sa_handler = on_stop;
    sigemptyset(&sa.sa_mask);
    for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &sa, &old_[i]);
  }
  ~StopSignals() {
    for (std::size_t i = 0; i < kSignals.size(); ++i) sigaction(kSignals[i], &old_[i], nullptr);
  }
  StopSignals(const StopSignals&) = delete;
  StopSignals& operator=(const StopSignals&) = delete;

 private:
  static constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
  std::array<struct sigaction, 3> old_{};
};

constexpr double kPollSeconds = 0.2;  // real time between looks at the stop flag

}  // namespace

Result<StartWait> StartWait::from_environment(const Environment& env) {
  Clock& real = system_clock();
  double start = real.unix_seconds(), k = 1;
  if (const char* now = env.find("CARBONSCOPE_TEST_NOW")) {
    auto t = parse_utc_time(now);
    if (!t.ok())
      return t.status().with_context("CARBONSCOPE_TEST_NOW (for tests: an ISO 8601 time with a zone)");
    start = static_cast<double>(*t);
  }
  if (const char* scale = env.find("CARBONSCOPE_TEST_TIME_SCALE")) {
    char* end = nullptr;
    k = std::strtod(scale, &end);
    if (end == scale || *end != '\0' || !(k > 0)) {
      return Status::invalid_argument(fmt::format(
          "CARBONSCOPE_TEST_TIME_SCALE '{}': give a positive number (simulated seconds per second)", scale));
    }
  }
  return StartWait(real.now(), start, k);
}

double StartWait::unix_now() const { return unix_start_ + (system_clock().now() - real_start_).count() * scale_; }

int StartWait::sleep_until(double start_unix) const {
  const StopSignals stop;
  Clock& real = system_clock();
  for (double left = start_unix - unix_now(); g_stop_signal == 0 && left > 0; left = start_unix - unix_now()) {
    real.sleep_until(real.now() + Duration(std::min(left / scale_, kPollSeconds)));
  }
  return g_stop_signal;
}

}  // namespace carbonscope

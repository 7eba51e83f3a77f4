// The start-when-clean wait: a scaled view of the system clock, polled so that a stop
// signal ends the sleep within a fifth of a (real) second.
#include "carbonscope/start_wait.h"

#include <algorithm>
#include <cstdlib>

#include <fmt/format.h>

#include "carbonscope/clock.h"
#include "carbonscope/hourly.h"
#include "platform/caught_signals.h"

namespace carbonscope {
namespace {

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
  const CaughtStopSignals stop;
  Clock& real = system_clock();
  for (double left = start_unix - unix_now(); stop.caught() == 0 && left > 0; left = start_unix - unix_now()) {
    real.sleep_until(real.now() + Duration(std::min(left / scale_, kPollSeconds)));
  }
  return stop.caught();
}

}  // namespace carbonscope

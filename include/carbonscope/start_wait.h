// The wait of `run --start-when-clean` for its chosen start (carbonscope/clean_start.h),
// on the real clock, or for tests on one that starts at CARBONSCOPE_TEST_NOW and runs
// CARBONSCOPE_TEST_TIME_SCALE times faster: a wait of hours passes in seconds and still
// really sleeps, and can be interrupted, while it does.
#pragma once

#include "carbonscope/environment.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

class StartWait {
 public:
  // The real clock, unless `env` sets CARBONSCOPE_TEST_NOW (an ISO 8601 time with a zone)
  // or CARBONSCOPE_TEST_TIME_SCALE (simulated seconds per second, > 0); an error names
  // the variable and what it takes.
  static Result<StartWait> from_environment(const Environment& env);

  // The wait's time now, Unix seconds.
  double unix_now() const;
  // Sleeps until unix_now() reaches `start_unix`, unless SIGINT, SIGTERM or SIGHUP comes
  // first (caught only for the wait: their handlers are restored after it). Returns that
  // signal, or 0 when the start came.
  int sleep_until(double start_unix) const;

 private:
  StartWait(Duration real_start, double unix_start, double scale)
      : real_start_(real_start), unix_start_(unix_start), scale_(scale) {}
  Duration real_start_;  // system_clock().now() when the wait's clock was unix_start_
  double unix_start_;
  double scale_;
};

}  // namespace carbonscope

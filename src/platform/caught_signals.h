// CaughtStopSignals: SIGINT, SIGTERM and SIGHUP caught for as long as it lives (a wait
// that must end cleanly on them), the previous handlers restored after.
#pragma once

#include <signal.h>

#include <array>

namespace carbonscope {

class CaughtStopSignals {
 public:
  CaughtStopSignals();
  ~CaughtStopSignals();
  CaughtStopSignals(const CaughtStopSignals&) = delete;
  CaughtStopSignals& operator=(const CaughtStopSignals&) = delete;

  // The last of the signals that came since construction, or 0.
  int caught() const;

 private:
  static constexpr std::array<int, 3> kSignals{SIGINT, SIGTERM, SIGHUP};
  std::array<struct sigaction, 3> old_{};
};

}  // namespace carbonscope

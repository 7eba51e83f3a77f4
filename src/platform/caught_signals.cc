// A flag set from the signal handler, read by the waiting loop.
#include "platform/caught_signals.h"

namespace carbonscope {
namespace {

volatile sig_atomic_t g_stop_signal = 0;

void on_stop(int sig) { g_stop_signal = sig; }

}  // namespace

CaughtStopSignals::CaughtStopSignals() {
  g_stop_signal = 0;
  struct sigaction sa {};
  sa.sa_handler = on_stop;
  sigemptyset(&sa.sa_mask);
  for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &sa, &old_[i]);
}

CaughtStopSignals::~CaughtStopSignals() {
  for (std::size_t i = 0; i < kSignals.size(); ++i) ::sigaction(kSignals[i], &old_[i], nullptr);
}

int CaughtStopSignals::caught() const { return g_stop_signal; }

}  // namespace carbonscope

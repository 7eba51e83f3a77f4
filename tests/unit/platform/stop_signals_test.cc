// block_stop_signals and wait_for_stop_signal: a pending stop signal ends the wait, none
// lets the time run out, and the other signals that would end the process are ignored.
#include "carbonscope/stop_signals.h"

#include <pthread.h>
#include <signal.h>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

// Undoes block_stop_signals for the tests that run after this one in the same process.
struct RestoreSignals {
  ~RestoreSignals() {
    sigset_t set;
    sigemptyset(&set);
    for (int sig : {SIGINT, SIGTERM, SIGHUP, SIGQUIT}) sigaddset(&set, sig);
    ::pthread_sigmask(SIG_UNBLOCK, &set, nullptr);
    for (int sig : {SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE, SIGVTALRM, SIGPROF, SIGXCPU, SIGXFSZ}) ::signal(sig, SIG_DFL);
  }
};

TEST(StopSignals, APendingStopSignalEndsTheWaitAndNoneLetsItRunOut) {
  const RestoreSignals restore;
  block_stop_signals();
  ASSERT_EQ(::raise(SIGHUP), 0);  // blocked: left pending for the wait
  EXPECT_EQ(wait_for_stop_signal(Duration(60)), SIGHUP);
  EXPECT_EQ(wait_for_stop_signal(Duration(0)), 0);  // nothing pending
  ASSERT_EQ(::raise(SIGTERM), 0);
  EXPECT_EQ(wait_for_stop_signal(), SIGTERM);
}

TEST(StopSignals, TheOtherEndingSignalsAreIgnored) {
  const RestoreSignals restore;
  block_stop_signals();
  // Each of these would end the process by default.
  for (int sig : {SIGUSR1, SIGUSR2, SIGALRM, SIGPIPE}) {
    struct sigaction now {};
    ASSERT_EQ(::sigaction(sig, nullptr, &now), 0);
    EXPECT_EQ(now.sa_handler, SIG_IGN) << sig;
    ASSERT_EQ(::raise(sig), 0);
  }
  EXPECT_EQ(wait_for_stop_signal(Duration(0)), 0);  // and none of them counts as a stop
}

}  // namespace
}  // namespace carbonscope

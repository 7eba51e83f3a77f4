// StartWait: the test clock of CARBONSCOPE_TEST_NOW / CARBONSCOPE_TEST_TIME_SCALE, its
// errors, a wait that reaches its start, and one a stop signal ends.
#include "carbonscope/start_wait.h"

#include <signal.h>
#include <unistd.h>

#include <chrono>
#include <thread>

#include <gtest/gtest.h>

#include "carbonscope/clock.h"
#include "carbonscope/hourly.h"

namespace carbonscope {
namespace {

double unix_of(const char* iso) {
  auto t = parse_utc_time(iso);
  EXPECT_TRUE(t.ok());
  return static_cast<double>(t.ok() ? *t : 0);
}

TEST(StartWait, StartsAtTheTestTimeAndSleepsUntilTheStart) {
  const Environment env{{"CARBONSCOPE_TEST_NOW", "2026-07-01T06:00Z"}, {"CARBONSCOPE_TEST_TIME_SCALE", "36000"}};
  auto wait = StartWait::from_environment(env);
  ASSERT_TRUE(wait.ok()) << wait.status().to_string();
  const double start = unix_of("2026-07-01T06:00Z");
  EXPECT_GE(wait->unix_now(), start);
  EXPECT_EQ(wait->sleep_until(start + 3600), 0);  // an hour at 36000x
  EXPECT_GE(wait->unix_now(), start + 3600);
  EXPECT_EQ(wait->sleep_until(start), 0);  // a start that has passed: no wait
}

TEST(StartWait, WithoutTestVariablesIsTheRealClock) {
  const double before = system_clock().unix_seconds();
  auto wait = StartWait::from_environment(Environment());
  ASSERT_TRUE(wait.ok());
  EXPECT_GE(wait->unix_now(), before);
}

TEST(StartWait, BadTestVariablesSayWhatTheyTake) {
  auto now = StartWait::from_environment(Environment{{"CARBONSCOPE_TEST_NOW", "yesterday"}});
  ASSERT_FALSE(now.ok());
  EXPECT_NE(now.status().message().find("CARBONSCOPE_TEST_NOW (for tests: an ISO 8601 time with a zone)"),
            std::string::npos)
      << now.status().to_string();
  for (const char* scale : {"0", "-2", "fast", "3x"}) {
    auto s = StartWait::from_environment(Environment{{"CARBONSCOPE_TEST_TIME_SCALE", scale}});
    ASSERT_FALSE(s.ok()) << scale;
    EXPECT_EQ(s.status().code(), StatusCode::kInvalidArgument);
    EXPECT_NE(s.status().message().find("give a positive number"), std::string::npos) << s.status().to_string();
  }
}

bool term_caught() {
  struct sigaction now {};
  ::sigaction(SIGTERM, nullptr, &now);
  return now.sa_handler != SIG_DFL;
}

TEST(StartWait, AStopSignalEndsTheWaitAndItsHandlerIsRestored) {
  auto wait = StartWait::from_environment(Environment());
  ASSERT_TRUE(wait.ok());
  ASSERT_FALSE(term_caught());
  std::thread sender([] {
    while (!term_caught()) std::this_thread::sleep_for(std::chrono::milliseconds(1));
    ::kill(::getpid(), SIGTERM);
  });
  const int sig = wait->sleep_until(wait->unix_now() + 1e6);  // would be days: only the signal ends it
  sender.join();
  EXPECT_EQ(sig, SIGTERM);
  EXPECT_FALSE(term_caught());
}

}  // namespace
}  // namespace carbonscope

// terminal_width: $COLUMNS when it is a sensible number, at least 40 columns.
#include "carbonscope/terminal.h"

#include <unistd.h>

#include <cstdlib>
#include <string>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

// Sets COLUMNS for one test and restores it after.
class Columns {
 public:
  explicit Columns(const char* value) {
    if (const char* old = std::getenv("COLUMNS")) old_ = old, had_ = true;
    if (value != nullptr) ::setenv("COLUMNS", value, 1);
    else ::unsetenv("COLUMNS");
  }
  ~Columns() {
    if (had_) ::setenv("COLUMNS", old_.c_str(), 1);
    else ::unsetenv("COLUMNS");
  }

 private:
  std::string old_;
  bool had_ = false;
};

TEST(TerminalWidth, FollowsColumns) {
  const Columns c("132");
  EXPECT_EQ(terminal_width(), 132);
}

TEST(TerminalWidth, IsNeverBelowForty) {
  const Columns c("12");
  EXPECT_EQ(terminal_width(), 40);
}

TEST(TerminalWidth, IgnoresAColumnsThatIsNoNumber) {
  if (::isatty(STDOUT_FILENO) == 1) GTEST_SKIP() << "standard output is a terminal: its width applies";
  const Columns c("wide");
  EXPECT_EQ(terminal_width(), kDefaultTextWidth);
  const Columns none(nullptr);
  EXPECT_EQ(terminal_width(), kDefaultTextWidth);
}

}  // namespace
}  // namespace carbonscope

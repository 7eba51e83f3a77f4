// The dashboard in a real headless Chromium (Debian's chromium package): the runs page
// lists the test ledger's runs and a run page draws a non-empty SVG chart; a screenshot
// is kept under the build directory's test-artifacts/. Skipped when chromium is absent.
#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <regex>
#include <sstream>

#include <gtest/gtest.h>

#include "serve/dashboard_fixture.h"

extern char** environ;

namespace carbonscope::test {
namespace {

std::string find_chromium() {
  if (const char* env = std::getenv("CARBONSCOPE_CHROMIUM")) return env;
  for (const char* p : {"/usr/bin/chromium", "/usr/bin/chromium-browser"}) {
    if (std::filesystem::exists(p)) return p;
  }
  return "";
}

// Runs chromium headless on `url` with `extra` flags; returns its stdout.
std::string chromium(const std::string& binary, const std::vector<std::string>& extra, const std::string& url,
                     int* exit_code) {
  const std::string profile = std::filesystem::temp_directory_path() / ("cs_chromium_" + std::to_string(getpid()));
  std::filesystem::create_directories(profile);
  std::vector<std::string> args = {"/usr/bin/timeout", "90", binary, "--headless", "--no-sandbox", "--disable-gpu",
                                   "--disable-quic", "--no-first-run", "--disable-background-networking",
                                   "--disable-component-update", "--disable-sync", "--disable-dev-shm-usage",
                                   "--user-data-dir=" + profile};
  args.insert(args.end(), extra.begin(), extra.end());
  args.push_back(url);
  char out_tmpl[] = "/tmp/cs_chromium_out_XXXXXX";
  const int out_fd = mkstemp(out_tmpl);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, out_fd, 1);
  posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0);
  std::vector<char*> argv;
  for (auto& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  pid_t pid = 0;
  *exit_code = -1;
  if (posix_spawn(&pid, argv[0], &actions, nullptr, argv.data(), environ) == 0) {
    int status = 0;
    waitpid(pid, &status, 0);
    *exit_code = WIFEXITED(status) ? WEXITSTATUS(status) : 128 + WTERMSIG(status);
  }
  posix_spawn_file_actions_destroy(&actions);
  close(out_fd);
  std::ifstream in(out_tmpl);
  std::stringstream ss;
  ss << in.rdbuf();
  unlink(out_tmpl);
  return ss.str();
}

TEST(DashboardBrowser, ListsRunsAndDrawsARunChart) {
  const std::string binary = find_chromium();
  if (binary.empty()) GTEST_SKIP() << "chromium is not installed (scripts/setup.sh installs it)";
  ServedLedger served;
  int rc = 0;
  const std::string list = chromium(binary, {"--dump-dom"}, served.url("/"), &rc);
  ASSERT_EQ(rc, 0) << list;
  for (const char* id : {"20261121T090000Z-a1b2c3", "20261122T140000Z-d4e5f6", "20261123T080000Z-0789ab"}) {
    EXPECT_NE(list.find(id), std::string::npos) << id;
  }
  EXPECT_NE(list.find("<b id=\"run-count\">3</b>"), std::string::npos);

  const std::string page = chromium(binary, {"--dump-dom"}, served.url("/runs/20261121T090000Z-a1b2c3"), &rc);
  ASSERT_EQ(rc, 0);
  const std::regex series(R"re(<polyline class="series"[^>]* points="([0-9., ]+)")re");
  std::smatch m;
  ASSERT_TRUE(std::regex_search(page, m, series)) << "no power series in the run page";
  EXPECT_GT(std::count(m[1].first, m[1].second, ','), 10) << "the chart has too few points";

  const std::string dir = CARBONSCOPE_ARTIFACTS;
  std::filesystem::create_directories(dir);
  const std::string shot = dir + "/dashboard-run.png";
  std::filesystem::remove(shot);
  chromium(binary, {"--screenshot=" + shot, "--window-size=1280,2000", "--hide-scrollbars"},
           served.url("/runs/20261121T090000Z-a1b2c3"), &rc);
  ASSERT_EQ(rc, 0);
  ASSERT_TRUE(std::filesystem::exists(shot));
  EXPECT_GT(std::filesystem::file_size(shot), 10000u);
}

}  // namespace
}  // namespace carbonscope::test

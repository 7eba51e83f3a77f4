// Fills a ledger from tests/fixtures/reports/runs and serves it.
#include "serve/dashboard_fixture.h"

#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "store/ledger_import.h"

namespace carbonscope::test {

ServedLedger::ServedLedger() {
  const auto dir = std::filesystem::temp_directory_path() / ("cs_serve_" + std::to_string(getpid()));
  std::filesystem::remove_all(dir);
  std::filesystem::create_directories(dir);
  ledger_ = (dir / "ledger.db").string();
  auto ledger = Ledger::open(ledger_);
  EXPECT_TRUE(ledger.ok()) << ledger.status().to_string();
  for (const auto& e : std::filesystem::directory_iterator(std::string(CARBONSCOPE_FIXTURES) + "/reports/runs")) {
    std::ifstream in(e.path());
    std::stringstream ss;
    ss << in.rdbuf();
    auto runs = runs_from_json(nlohmann::json::parse(ss.str()), 0);
    EXPECT_TRUE(runs.ok());
    for (const auto& run : *runs) {
      EXPECT_TRUE(ledger->append(run.report).ok());
      if (!run.samples.empty()) {
        EXPECT_TRUE(ledger->append_samples(run.report.run.id, run.samples).ok());
      }
    }
  }
  DashboardOptions options;
  options.ledger_path = ledger_;
  options.regions = {{"NO", CarbonIntensity::g_per_kwh(30), "test", ""}, {"PL", CarbonIntensity::g_per_kwh(660), "test", ""}};
  options.equivalents = {{"car_km", "driven", "km", "test", 0.175}};
  dashboard_ = make_dashboard(options);
  auto port = dashboard_->bind("127.0.0.1", 0);
  EXPECT_TRUE(port.ok()) << port.status().to_string();
  port_ = port.value_or(0);
  thread_ = std::thread([this] { (void)dashboard_->listen(); });
}

ServedLedger::~ServedLedger() {
  dashboard_->stop();
  if (thread_.joinable()) thread_.join();
}

std::string ServedLedger::url(const std::string& path) const {
  return "http://127.0.0.1:" + std::to_string(port_) + path;
}

}  // namespace carbonscope::test

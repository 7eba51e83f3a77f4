// The dashboard over real HTTP on loopback (httplib client): pages list the runs and
// draw their charts; unknown runs, bad ids, bad filters and paths outside the app get
// 404/400, never a crash; no page refers to anything off the machine.
#include <httplib.h>

#include <filesystem>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include "serve/dashboard_fixture.h"
#include "serve/web_assets.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

class DashboardHttp : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { served_ = new ServedLedger(); }
  static void TearDownTestSuite() { delete served_; }
  static httplib::Result get(const std::string& path) {
    httplib::Client client("127.0.0.1", served_->port());
    client.set_connection_timeout(5);
    client.set_read_timeout(10);
    return client.Get(path);
  }
  static ServedLedger* served_;
};
ServedLedger* DashboardHttp::served_ = nullptr;

TEST_F(DashboardHttp, RunsListShowsEveryRunAndFilters) {
  auto res = get("/");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/html; charset=utf-8");
  for (const char* id : {"20261121T090000Z-a1b2c3", "20261122T140000Z-d4e5f6", "20261123T080000Z-0789ab"}) {
    EXPECT_NE(res->body.find(std::string("href=\"/runs/") + id), std::string::npos) << id;
  }
  EXPECT_NE(res->body.find("llm_pretrain &amp; co"), std::string::npos);
  res = get("/?project=bert-finetune&status=incomplete");
  ASSERT_TRUE(res);
  EXPECT_NE(res->body.find("20261122T140000Z-d4e5f6"), std::string::npos);
  EXPECT_EQ(res->body.find("20261121T090000Z-a1b2c3"), std::string::npos);
  EXPECT_EQ(get("/?since=notadate")->status, 400);
  EXPECT_EQ(get("/?kind=%3Cscript%3E")->status, 400);
}

TEST_F(DashboardHttp, RunPageHasANonEmptyPowerChart) {
  auto res = get("/runs/20261121T090000Z-a1b2c3");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  const auto pos = res->body.find("<polyline class=\"series\"");
  ASSERT_NE(pos, std::string::npos);
  EXPECT_NE(res->body.find("points=\"6", pos), std::string::npos);  // starts at the left axis
  EXPECT_NE(res->body.find("Energy by component"), std::string::npos);
  EXPECT_NE(res->body.find("The same energy in other regions"), std::string::npos);
  EXPECT_EQ(res->body.find("<script"), std::string::npos);
  EXPECT_EQ(get("/runs/20261121T09")->status, 200);  // unique prefix
}

// A saved estimate reads as one: given hardware and duration, prepared (not started),
// no power chart and no command; the method notes are on the page.
TEST_F(DashboardHttp, EstimatePageReadsAsAnEstimate) {
  auto res = get("/runs/20261123T080000Z-0789ab");
  ASSERT_TRUE(res);
  ASSERT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("<h2>Estimate 20261123T080000Z-0789ab</h2>"), std::string::npos);
  EXPECT_NE(res->body.find("The estimate for project"), std::string::npos);
  EXPECT_NE(res->body.find("<tr><td>Hardware</td><td>8 x NVIDIA H100 SXM5 80GB</td><td>given</td></tr>"),
            std::string::npos);
  EXPECT_NE(res->body.find("<tr><td>Duration</td><td>10 h 00 min</td><td>given</td></tr>"), std::string::npos);
  EXPECT_EQ(res->body.find("detected by the tracker"), std::string::npos);
  EXPECT_EQ(res->body.find("wall clock"), std::string::npos);
  EXPECT_EQ(res->body.find("Power over time"), std::string::npos);
  EXPECT_NE(res->body.find("<h2>Method notes</h2>"), std::string::npos);
}

TEST_F(DashboardHttp, ProjectsCompareApiAndStatic) {
  auto res = get("/projects");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("bert-finetune"), std::string::npos);
  res = get("/compare?id=20261121T090000Z-a1b2c3&id=20261122T140000Z-d4e5f6");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_NE(res->body.find("Emissions by run"), std::string::npos);
  EXPECT_EQ(get("/compare?id=20261121T090000Z-a1b2c3")->status, 400);
  res = get("/api/runs");
  ASSERT_TRUE(res);
  EXPECT_EQ(nlohmann::json::parse(res->body).size(), 3u);
  res = get("/api/runs/last");
  ASSERT_TRUE(res);
  EXPECT_EQ(nlohmann::json::parse(res->body)["schema"], "carbonscope.report-bundle/1");
  res = get("/static/dashboard.css");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
  EXPECT_EQ(res->get_header_value("Content-Type"), "text/css; charset=utf-8");
}

// Every file of web/ is embedded (tools/embed) and served byte for byte; nothing else is.
TEST_F(DashboardHttp, ServesEachWebFileByteForByte) {
  std::size_t n = 0;
  const std::filesystem::path web = std::filesystem::path(CARBONSCOPE_SOURCE_DIR) / "web";
  for (const auto& e : std::filesystem::directory_iterator(web)) {
    ++n;
    const std::string name = e.path().filename().string();
    const std::string want = slurp(e.path());
    ASSERT_FALSE(want.empty()) << name;
    const EmbeddedFile* asset = find_web_asset(name);
    ASSERT_NE(asset, nullptr) << name;
    EXPECT_TRUE(asset->contents == want) << name << " differs from its embedded copy";
    auto res = get("/static/" + name);
    ASSERT_TRUE(res) << name;
    EXPECT_EQ(res->status, 200) << name;
    EXPECT_TRUE(res->body == want) << name << " is not served as web/ holds it";
  }
  EXPECT_GE(n, 1u);
  EXPECT_EQ(web_assets().size(), n);
}

TEST_F(DashboardHttp, BadRequestsGet404Or400NeverACrash) {
  EXPECT_EQ(get("/runs/does-not-exist")->status, 404);
  EXPECT_EQ(get("/api/runs/does-not-exist")->status, 404);
  EXPECT_EQ(get("/runs/bad%20id")->status, 400);
  EXPECT_EQ(get("/runs/%3Cscript%3E")->status, 400);
  EXPECT_EQ(get("/runs/2026")->status, 400);  // ambiguous prefix
  EXPECT_EQ(get("/nothing/here")->status, 404);
  EXPECT_EQ(get("/static/../../etc/passwd")->status, 404);
  EXPECT_EQ(get("/static/..%2F..%2Fetc%2Fpasswd")->status, 404);
  EXPECT_EQ(get("/static/ledger.db")->status, 404);
  EXPECT_EQ(get("/runs/..%2F..%2Fetc%2Fpasswd")->status, 404);
  EXPECT_EQ(get("/runs/" + std::string(300, 'a'))->status, 400);
  // Still serving after all that.
  EXPECT_EQ(get("/")->status, 200);
}

TEST(DashboardBind, RefusesABusyPortAndKnowsLoopback) {
  ServedLedger served;
  Dashboard other(DashboardOptions{served.ledger_path(), {}, {}, 10});
  const auto port = other.bind("127.0.0.1", served.port());
  EXPECT_FALSE(port.ok());
  EXPECT_NE(port.status().message().find("try another --port"), std::string::npos);
  EXPECT_TRUE(is_loopback_host("127.0.0.1"));
  EXPECT_TRUE(is_loopback_host("localhost"));
  EXPECT_FALSE(is_loopback_host("0.0.0.0"));
}

}  // namespace
}  // namespace carbonscope::test

// Request counts from Prometheus text and log files, and the settings sources, on
// in-memory texts and scratch files.
#include <fstream>
#include <map>

#include <gtest/gtest.h>

#include "carbonscope/request_source.h"
#include "carbonscope/settings.h"
#include "carbonscope/tracker.h"
#include "support/fake_tracker.h"
#include "support/scratch_dir.h"
#include "tracker/request_log.h"
#include "tracker/request_source.h"

namespace carbonscope {
namespace {

TEST(PrometheusText, SumsLabelSetsAndSkipsComments) {
  const auto m = parse_prometheus_text(
      "# HELP vllm:request_success_total Count\n"
      "# TYPE vllm:request_success_total counter\n"
      "vllm:request_success_total{finished_reason=\"stop\",model_name=\"a}b\"} 12\n"
      "vllm:request_success_total{finished_reason=\"length\"} 3 1700000000000\r\n"
      "tgi_request_generated_tokens_sum 4.5e3\n"
      "  bad_metric not-a-number\n"
      "\n");
  EXPECT_DOUBLE_EQ(m.at("vllm:request_success_total"), 15);
  EXPECT_DOUBLE_EQ(m.at("tgi_request_generated_tokens_sum"), 4500);
  EXPECT_EQ(m.count("bad_metric"), 0u);
}

TEST(PrometheusSource, DifferencesCountersFromTheFirstScrapeAndSurvivesResets) {
  PrometheusSource s({"127.0.0.1", 1, "/metrics"}, "http://127.0.0.1:1/metrics", {});
  auto first = s.update({{"tgi_request_success", 100}, {"tgi_request_generated_tokens_sum", 5000}});
  ASSERT_TRUE(first.ok());
  EXPECT_FALSE(first->any());  // work before the run is not the run's
  auto next = s.update({{"tgi_request_success", 104}, {"tgi_request_generated_tokens_sum", 5400}});
  ASSERT_TRUE(next.ok());
  EXPECT_DOUBLE_EQ(next->requests, 4);
  EXPECT_DOUBLE_EQ(next->output_tokens, 400);
  auto reset = s.update({{"tgi_request_success", 2}, {"tgi_request_generated_tokens_sum", 10}});
  ASSERT_TRUE(reset.ok());
  EXPECT_DOUBLE_EQ(reset->requests, 2);
  auto missing = s.update({{"something_else", 1}});
  EXPECT_FALSE(missing.ok());
  EXPECT_NE(missing.status().message().find("--requests-metric"), std::string::npos);
}

TEST(LoopbackUrl, OnlyThisMachine) {
  auto ok = parse_loopback_url("http://localhost:8000/metrics");
  ASSERT_TRUE(ok.ok());
  EXPECT_EQ(ok->host, "127.0.0.1");
  EXPECT_EQ(ok->port, 8000);
  EXPECT_EQ(ok->path, "/metrics");
  EXPECT_TRUE(parse_loopback_url("http://[::1]:9/m").ok());
  EXPECT_FALSE(parse_loopback_url("http://10.0.0.1:8000/metrics").ok());
  EXPECT_FALSE(parse_loopback_url("https://127.0.0.1/metrics").ok());
  EXPECT_FALSE(parse_loopback_url("http://127.0.0.1:99999/").ok());
  // Nothing listens on the port: an error, not a hang.
  EXPECT_FALSE(loopback_get({"127.0.0.1", 1, "/"}, 500).ok());
}

TEST(LogSource, CountsNewMatchingLinesWithTokens) {
  test::ScratchDir dir("logsource");
  const std::string path = (dir.path / "server.log").string();
  { std::ofstream(path) << "served out=5 in=2\n"; }  // before the run
  auto src = LogSource::create(path, R"(served out=(\d+) in=(\d+))");
  ASSERT_TRUE(src.ok());
  ASSERT_TRUE((*src)->poll().ok());  // baseline: the existing line is not counted
  {
    std::ofstream out(path, std::ios::app);
    out << "served out=7 in=3\nhealth ok\nserved out=1 in=1\nserved out=9";  // the last line is unfinished
  }
  auto d = (*src)->poll();
  ASSERT_TRUE(d.ok());
  EXPECT_DOUBLE_EQ(d->requests, 2);
  EXPECT_DOUBLE_EQ(d->output_tokens, 8);
  EXPECT_DOUBLE_EQ(d->input_tokens, 4);
  { std::ofstream(path, std::ios::app) << " in=4\n"; }
  d = (*src)->poll();
  ASSERT_TRUE(d.ok());
  EXPECT_DOUBLE_EQ(d->requests, 1);
  EXPECT_DOUBLE_EQ(d->output_tokens, 9);
  EXPECT_FALSE(LogSource::create(path, "(unclosed").ok());
}

// The public factories: a metrics page on loopback only (named as given), a log
// pattern that must compile.
TEST(RequestSources, FactoriesCheckWhatTheyAreGiven) {
  auto page = metrics_request_source("http://127.0.0.1:8000/metrics", "my_requests_total");
  ASSERT_TRUE(page.ok()) << page.status().message();
  EXPECT_EQ((*page)->describe(), "http://127.0.0.1:8000/metrics");
  EXPECT_FALSE(metrics_request_source("http://10.0.0.1:8000/metrics").ok());
  auto log = log_request_source("/nonexistent/server.log", "served");
  ASSERT_TRUE(log.ok()) << log.status().message();  // a log not written yet is waited for
  EXPECT_EQ((*log)->describe(), "/nonexistent/server.log");
  EXPECT_FALSE(log_request_source("/nonexistent/server.log", "(unclosed").ok());
}

// start_request_poller: the baseline before it returns, the last poll in stop(), and the
// work in the tracker's report.
TEST(RequestSources, PollerAddsTheWorkToTheTracker) {
  test::ScratchDir dir("poller");
  const std::string path = (dir.path / "server.log").string();
  { std::ofstream(path) << "served\n"; }  // before the run: not the run's
  FakeClock clock;
  auto tracker = Tracker::create(test::fake_gpu_config(clock, "", 100, 1.0));
  ASSERT_TRUE(tracker.ok());
  ASSERT_TRUE((*tracker)->start().ok());
  EXPECT_EQ(start_request_poller(nullptr, **tracker, Duration(1)), nullptr);
  auto source = log_request_source(path, "served");
  ASSERT_TRUE(source.ok());
  auto poller = start_request_poller(std::move(*source), **tracker, Duration(1));
  ASSERT_NE(poller, nullptr);
  { std::ofstream(path, std::ios::app) << "served\nhealth ok\nserved\n"; }
  poller->stop();  // its last poll reads the two new lines
  EXPECT_EQ(poller->problems(), "");
  clock.advance(Duration(10));
  (*tracker)->sample_now();
  auto report = (*tracker)->stop();
  ASSERT_TRUE(report.ok()) << report.status().message();
  ASSERT_TRUE(report->inference.has_value());
  EXPECT_DOUBLE_EQ(report->inference->totals.requests, 2);
}

TEST(RequestLog, OneIntervalPerSampleAndStartUpLeftOut) {
  RequestLog log;
  log.on_sample(0, 0);  // baseline
  double e = 0;
  for (int i = 1; i <= 30; ++i) {
    const double requests = i <= 5 ? 0 : (i % 3);
    log.add({requests, 0, 0});
    e += (i <= 5 ? 50.0 : 10.0) + 2.0 * requests;  // start-up at 50 W, then 10 W idle + 2 J per request
    log.on_sample(i, e);
    if (i == 5) log.begin_fit();
  }
  const InferenceSummary s = log.summary();
  ASSERT_TRUE(s.fit.ok) << s.fit.problem;
  EXPECT_EQ(s.fit.intervals, 25);
  EXPECT_NEAR(s.fit.idle_w.value, 10.0, 1e-9);
  EXPECT_NEAR(s.fit.j_per_request.value, 2.0, 1e-9);
  EXPECT_DOUBLE_EQ(s.energy_j, e);  // the run's energy keeps the start-up
  EXPECT_DOUBLE_EQ(s.duration_s, 30);
}

// A day of 1 s samples: the log stays bounded (neighbours merged in pairs), the totals
// stay exact and the fit still recovers the model (it is linear, so merged intervals
// obey it too).
TEST(RequestLog, ADayOfSamplesIsBoundedAndStillFits) {
  RequestLog log;
  log.on_sample(0, 0);
  double e = 0, requests = 0;
  for (int i = 1; i <= 86400; ++i) {
    const double r = (i * 7) % 5;  // 0..4 requests a second, varying
    log.add({r, 0, 0});
    requests += r;
    e += 12.0 + 3.0 * r;  // 12 W idle + 3 J per request
    log.on_sample(i, e);
  }
  const InferenceSummary s = log.summary();
  ASSERT_TRUE(s.fit.ok) << s.fit.problem;
  EXPECT_LE(s.fit.intervals, 4096);
  EXPECT_GE(s.fit.intervals, 2048);
  EXPECT_DOUBLE_EQ(s.totals.requests, requests);
  EXPECT_DOUBLE_EQ(s.energy_j, e);
  EXPECT_DOUBLE_EQ(s.duration_s, 86400);
  EXPECT_NEAR(s.fit.idle_w.value, 12.0, 1e-6);
  EXPECT_NEAR(s.fit.j_per_request.value, 3.0, 1e-6);
}

SettingsInputs inputs(std::map<std::string, std::string> env, std::string cwd) {
  Environment e;
  for (const auto& [name, value] : env) e.set(name, value);
  return {std::move(e), std::move(cwd)};
}

TEST(Settings, PrecedenceAndWhereAsAWhole) {
  test::ScratchDir dir("settings");
  std::filesystem::create_directories(dir.path / "proj" / "sub");
  std::filesystem::create_directories(dir.path / "xdg" / "carbonscope");
  { std::ofstream(dir.path / "proj" / "carbonscope.toml") << "region = \"US-OR\"\n"; }
  {
    std::ofstream(dir.path / "xdg" / "carbonscope" / "config.toml")
        << "cloud = \"gcp:us-central1\"\npue = 1.3\n";
  }
  const std::string cwd = (dir.path / "proj" / "sub").string();
  auto s = load_settings(inputs({{"XDG_CONFIG_HOME", (dir.path / "xdg").string()}}, cwd));
  ASSERT_TRUE(s.ok()) << s.status().message();
  EXPECT_EQ(s->region.value, "US-OR");
  EXPECT_TRUE(s->cloud.value.empty());  // the project names where: the user file's cloud is not mixed in
  EXPECT_EQ(s->pue.value, "1.3");
  EXPECT_EQ(s->files.size(), 2u);
  std::vector<std::string> used;
  LocationText t = apply_settings({}, *s, &used);
  EXPECT_EQ(t.region, "US-OR");
  EXPECT_EQ(t.pue, "1.3");
  EXPECT_EQ(used.size(), 2u);
  t = apply_settings({"FR", "", "", "", 0}, *s, nullptr);  // a flag wins
  EXPECT_EQ(t.region, "FR");
  s = load_settings(
      inputs({{"XDG_CONFIG_HOME", (dir.path / "xdg").string()}, {"CARBONSCOPE_COUNTRY", "DE"}}, cwd));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->country.source, "CARBONSCOPE_COUNTRY");
  EXPECT_TRUE(s->region.value.empty());
}

TEST(Settings, CodeCarbonFileOnlyWithoutOurs) {
  test::ScratchDir dir("settings_cc");
  {
    std::ofstream(dir.path / ".codecarbon.config")
        << "[codecarbon]\ncloud_provider = aws\ncloud_region = eu-west-3\n";
  }
  auto s = load_settings(inputs({{"HOME", "/nonexistent"}}, dir.path.string()));
  ASSERT_TRUE(s.ok());
  EXPECT_EQ(s->cloud.value, "aws:eu-west-3");
  ASSERT_EQ(s->notes.size(), 1u);
  { std::ofstream(dir.path / "carbonscope.toml") << "country = \"FR\"\n"; }
  s = load_settings(inputs({{"HOME", "/nonexistent"}}, dir.path.string()));
  ASSERT_TRUE(s.ok());
  EXPECT_TRUE(s->cloud.value.empty());
  EXPECT_TRUE(s->notes.empty());
  { std::ofstream(dir.path / "carbonscope.toml") << "pue = \"high\"\ncolour = 3\n"; }
  s = load_settings(inputs({}, dir.path.string()));
  EXPECT_FALSE(s.ok());
}

}  // namespace
}  // namespace carbonscope

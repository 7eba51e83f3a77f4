// serve_metrics, the endpoint the exporter and `monitor --prometheus` serve: the scope's
// labels and the samples it is given on /metrics, the Slurm steps' families when asked
// for (the cgroup v2 tree of tests/fixtures/slurm_cgroup/v2), and a busy port refused.
#include "carbonscope/metrics_endpoint.h"

#include <httplib.h>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

const std::string kSlurm = std::string(CARBONSCOPE_FIXTURES) + "/slurm_cgroup/v2";

MetricsEndpointOptions loopback(MetricsScope scope) {
  MetricsEndpointOptions o;
  o.port = 0;
  o.scope = std::move(scope);
  return o;
}

std::string scrape(int port) {
  httplib::Client client("127.0.0.1", port);
  auto res = client.Get("/metrics");
  if (!res || res->status != 200) return "";
  return res->body;
}

TEST(ServeMetrics, ServesTheScopeAndEachUpdate) {
  auto e = serve_metrics(loopback({{{"node_name", "n1"}, {"job_id", "7"}}, 1.5, 400}));
  ASSERT_TRUE(e.ok()) << e.status().message();
  EXPECT_GT((*e)->port(), 0);
  EXPECT_EQ((*e)->slurm_description(), "");
  EXPECT_NE(scrape((*e)->port()).find("carbonscope_samples_total{node_name=\"n1\",job_id=\"7\"} 0\n"),
            std::string::npos);
  Snapshot s;
  s.samples = 3;
  s.components.push_back(
      {"package-0", "cpu", "rapl-powercap", Method::kMeasured, Power::watts(45), Energy::joules(3.6e6)});
  (*e)->update(s);
  const std::string after = scrape((*e)->port());
  EXPECT_NE(after.find("carbonscope_samples_total{node_name=\"n1\",job_id=\"7\"} 3\n"), std::string::npos) << after;
  EXPECT_NE(after.find("zone=\"package-0\",source=\"rapl-powercap\",method=\"measured\"} 3600000\n"),
            std::string::npos)
      << after;
  EXPECT_EQ(after.find("carbonscope_job_"), std::string::npos);  // no Slurm families unless asked
}

TEST(ServeMetrics, SlurmStepsWhenGivenTheirCgroupMount) {
  MetricsEndpointOptions o = loopback({{{"node_name", "n1"}}, 1.0, 100});
  o.slurm_cgroup_mount = kSlurm + "/sys/fs/cgroup";
  o.proc_root = kSlurm;
  auto e = serve_metrics(o);
  ASSERT_TRUE(e.ok()) << e.status().message();
  // The first scan is made before serve_metrics returns: the description says what it found.
  EXPECT_NE((*e)->slurm_description().find("Slurm steps from their cgroup v2 CPU time under " + o.slurm_cgroup_mount),
            std::string::npos)
      << (*e)->slurm_description();
  EXPECT_NE(scrape((*e)->port()).find("carbonscope_job_steps"), std::string::npos);
}

TEST(ServeMetrics, ABusyPortFailsBeforeServing) {
  auto first = serve_metrics(loopback({}));
  ASSERT_TRUE(first.ok());
  MetricsEndpointOptions o = loopback({});
  o.port = (*first)->port();
  auto second = serve_metrics(o);
  ASSERT_FALSE(second.ok());
  EXPECT_NE(second.status().message().find("in use"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope

// The /metrics endpoint over a real loopback connection, and its address parsing.
#include "serve/metrics_server.h"

#include <httplib.h>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

Snapshot one_domain(double watts, double joules) {
  Snapshot s;
  s.samples = 2;
  s.components.push_back(
      {"package-0", "cpu", "rapl-powercap", Method::kMeasured, Power::watts(watts), Energy::joules(joules)});
  return s;
}

TEST(MetricsServer, ServesTheBoardInTheTextFormat) {
  MetricsBoard board({{{"node_name", "n1"}}, 1.0, 100});
  MetricsServer server(board);
  auto port = server.start("127.0.0.1", 0);
  ASSERT_TRUE(port.ok()) << port.status().message();
  httplib::Client client("127.0.0.1", *port);
  auto before = client.Get("/metrics");
  ASSERT_TRUE(before);
  EXPECT_EQ(before->status, 200);
  EXPECT_EQ(before->get_header_value("Content-Type"), kPrometheusContentType);
  EXPECT_NE(before->body.find("carbonscope_samples_total{node_name=\"n1\"} 0\n"), std::string::npos);
  board.update(one_domain(45, 90));
  auto after = client.Get("/metrics");
  ASSERT_TRUE(after);
  EXPECT_NE(after->body.find("zone=\"package-0\",source=\"rapl-powercap\",method=\"measured\"} 90\n"),
            std::string::npos)
      << after->body;
  EXPECT_EQ(client.Get("/other")->status, 404);
}

TEST(MetricsServer, AForeignHostNameIsRefused) {
  MetricsBoard board({{}, 1.0, 0});
  MetricsServer server(board);
  auto port = server.start("127.0.0.1", 0);
  ASSERT_TRUE(port.ok());
  httplib::Client client("127.0.0.1", *port);
  auto res = client.Get("/metrics", {{"Host", "attacker.example"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
  EXPECT_EQ(client.Get("/metrics", {{"Host", "localhost:9464"}})->status, 200);
}

TEST(MetricsServer, StopRightAfterStartReturns) {
  MetricsBoard board({{}, 1.0, 0});
  for (int i = 0; i < 20; ++i) {
    MetricsServer server(board);
    ASSERT_TRUE(server.start("127.0.0.1", 0).ok());
    server.stop();  // the destructor joins: a lost stop would hang the test (ctest's timeout)
  }
}

TEST(MetricsServer, APortInUseIsAnError) {
  MetricsBoard board({{}, 1.0, 0});
  MetricsServer first(board);
  auto port = first.start("127.0.0.1", 0);
  ASSERT_TRUE(port.ok());
  MetricsServer second(board);
  auto again = second.start("127.0.0.1", *port);
  ASSERT_FALSE(again.ok());
  EXPECT_NE(again.status().message().find("in use"), std::string::npos);
}

TEST(ListenAddress, Forms) {
  auto v4 = parse_listen_address("127.0.0.1:9464", false, "--listen");
  ASSERT_TRUE(v4.ok());
  EXPECT_EQ(v4->host, "127.0.0.1");
  EXPECT_EQ(v4->port, 9464);
  auto v6 = parse_listen_address("[::1]:0", false, "--listen");
  ASSERT_TRUE(v6.ok());
  EXPECT_EQ(v6->host, "::1");
  EXPECT_EQ(v6->port, 0);
  EXPECT_TRUE(parse_listen_address("localhost:1", false, "--listen").ok());
  for (const char* bad :
       {"9464", ":9464", "127.0.0.1:", "127.0.0.1:70000", "127.0.0.1:x", "::1:9464", "[::1]9464"}) {
    auto r = parse_listen_address(bad, true, "--listen");
    EXPECT_FALSE(r.ok()) << bad;
    if (!r.ok()) {
      EXPECT_NE(r.status().message().find("--listen"), std::string::npos);
    }
  }
}

TEST(ListenAddress, BeyondLoopbackNeedsAllowRemote) {
  auto refused = parse_listen_address("0.0.0.0:9464", false, "--prometheus");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("--allow-remote"), std::string::npos);
  EXPECT_TRUE(parse_listen_address("0.0.0.0:9464", true, "--prometheus").ok());
  EXPECT_FALSE(parse_listen_address("10.1.2.3:9464", false, "--prometheus").ok());
}

}  // namespace
}  // namespace carbonscope

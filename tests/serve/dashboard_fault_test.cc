// The dashboard attack set of the fault campaign (F11): idle and half-sent connections
// do not starve it, the Host header must name this machine (DNS rebinding), impossible
// dates are refused, and an empty --host is refused. Real sockets on 127.0.0.1.
#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <vector>

#include <httplib.h>

#include <gtest/gtest.h>

#include "serve/dashboard_fixture.h"

namespace carbonscope::test {
namespace {

class DashboardFaults : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { served_ = new ServedLedger(); }
  static void TearDownTestSuite() { delete served_; }
  static httplib::Result get(const std::string& path, const httplib::Headers& headers = {}) {
    httplib::Client client("127.0.0.1", served_->port());
    client.set_connection_timeout(5);
    client.set_read_timeout(20);
    return client.Get(path, headers);
  }
  static ServedLedger* served_;
};
ServedLedger* DashboardFaults::served_ = nullptr;

int connect_raw(int port) {
  const int fd = ::socket(AF_INET, SOCK_STREAM, 0);
  sockaddr_in a{};
  a.sin_family = AF_INET;
  a.sin_port = htons(static_cast<std::uint16_t>(port));
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  if (::connect(fd, reinterpret_cast<sockaddr*>(&a), sizeof a) != 0) {
    ::close(fd);
    return -1;
  }
  return fd;
}

TEST_F(DashboardFaults, ForeignHostHeaderIsRefused) {
  auto res = get("/api/runs", {{"Host", "evil.example:8787"}});
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 421);
  EXPECT_EQ(res->body.find("bert"), std::string::npos);
  for (const std::string host : {"localhost", "127.0.0.1", "[::1]"}) {
    res = get("/api/runs", {{"Host", host + ":" + std::to_string(served_->port())}});
    ASSERT_TRUE(res);
    EXPECT_EQ(res->status, 200) << host;
  }
}

TEST_F(DashboardFaults, ImpossibleDatesAreRefused) {
  auto res = get("/?until=2026-02-30");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 400);
  res = get("/?until=2026-02-28");
  ASSERT_TRUE(res);
  EXPECT_EQ(res->status, 200);
}

TEST_F(DashboardFaults, IdleAndHalfSentConnectionsDoNotStarveIt) {
  std::vector<int> fds;
  for (int i = 0; i < 48; ++i) {
    const int fd = connect_raw(served_->port());
    if (fd < 0) continue;
    if (i % 2 == 1) {
      const std::string half = "GET /projects HTTP/1.1\r\nHost: 127.0.0.1\r\n";
      (void)!::write(fd, half.data(), half.size());
    }
    fds.push_back(fd);
  }
  ASSERT_GT(fds.size(), 32u);
  auto res = get("/projects");  // bounded by the client's read timeout
  for (const int fd : fds) ::close(fd);
  ASSERT_TRUE(res) << "the dashboard did not answer while idle connections were open";
  EXPECT_EQ(res->status, 200);
}

TEST(DashboardFaultsBind, EmptyHostIsRefused) {
  Dashboard d(DashboardOptions{"/nonexistent/ledger.db", {}, {}, 10});
  const auto port = d.bind("", 0);
  ASSERT_FALSE(port.ok());
  EXPECT_NE(port.status().message().find("--host is empty"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope::test

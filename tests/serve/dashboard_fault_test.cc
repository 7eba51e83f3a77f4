// The dashboard attack set of the fault campaign (F11): idle and half-sent connections
// do not starve it, the Host header must name this machine (DNS rebinding), impossible
// dates are refused, and an empty --host is refused. Real sockets on 127.0.0.1.
#include <arpa/inet.h>
#include <ifaddrs.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <string>
#include <thread>
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

// A non-loopback IPv4 address of this machine, or "" when it has none.
std::string outside_address() {
  ifaddrs* list = nullptr;
  if (getifaddrs(&list) != 0) return "";
  std::string out;
  for (ifaddrs* a = list; a != nullptr && out.empty(); a = a->ifa_next) {
    if (a->ifa_addr == nullptr || a->ifa_addr->sa_family != AF_INET) continue;
    char buf[INET_ADDRSTRLEN] = {};
    inet_ntop(AF_INET, &reinterpret_cast<sockaddr_in*>(a->ifa_addr)->sin_addr, buf, sizeof buf);
    if (std::string(buf).rfind("127.", 0) != 0) out = buf;
  }
  freeifaddrs(list);
  return out;
}

TEST_F(DashboardFaults, CommandLinesAreShownToLoopbackClientsOnly) {
  const std::string addr = outside_address();
  if (addr.empty()) GTEST_SKIP() << "this machine has no non-loopback IPv4 address to connect from";
  const auto wide = make_dashboard(DashboardOptions{served_->ledger_path(), {}, {}, 10});
  const auto port = wide->bind("0.0.0.0", 0);
  ASSERT_TRUE(port.ok()) << port.status().message();
  std::thread t([&wide] { (void)wide->listen(); });
  const auto fetch = [&](const std::string& host) {
    httplib::Client c(host, *port);
    c.set_connection_timeout(5);
    c.set_read_timeout(20);
    return c.Get("/api/runs/20261121T090000Z-a1b2c3");
  };
  auto local = fetch("127.0.0.1");
  auto remote = fetch(addr);
  wide->stop();
  t.join();
  ASSERT_TRUE(local);
  ASSERT_TRUE(remote);
  EXPECT_NE(local->body.find("train.py"), std::string::npos);
  EXPECT_EQ(remote->body.find("train.py"), std::string::npos);
  EXPECT_NE(remote->body.find("shown to local clients only"), std::string::npos);
}

TEST(DashboardFaultsBind, EmptyHostIsRefused) {
  const auto d = make_dashboard(DashboardOptions{"/nonexistent/ledger.db", {}, {}, 10});
  const auto port = d->bind("", 0);
  ASSERT_FALSE(port.ok());
  EXPECT_NE(port.status().message().find("--host is empty"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope::test

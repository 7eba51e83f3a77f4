// The /metrics endpoint over cpp-httplib.
#include "serve/metrics_server.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <sys/socket.h>
#include <unistd.h>

#include <atomic>
#include <charconv>
#include <chrono>
#include <cstdint>
#include <thread>

#include <fmt/format.h>

#include "carbonscope/dashboard.h"  // is_loopback_host
#include "serve/http_guard.h"

namespace carbonscope {

// Prometheus scrapes one connection at a time per target; a few workers are plenty.
constexpr std::size_t kMetricsWorkers = 8;

struct MetricsServer::Impl {
  Impl(const MetricsBoard& b, const SlurmJobMetrics* j) : board(b), jobs(j) {}
  const MetricsBoard& board;
  const SlurmJobMetrics* jobs;
  httplib::Server server;
  std::string host;
  int port = 0;
  std::thread thread;
  std::atomic<bool> done{false};  // listen_after_bind returned
};

namespace {


}  // namespace

MetricsServer::MetricsServer(const MetricsBoard& board, const SlurmJobMetrics* jobs)
    : impl_(std::make_unique<Impl>(board, jobs)) {
  httplib::Server& s = impl_->server;
  Impl* m = impl_.get();
  s.set_pre_routing_handler([m](const httplib::Request& req, httplib::Response& res) {
    if (host_allowed(m->host, req)) return httplib::Server::HandlerResponse::Unhandled;
    res.status = 421;
    res.set_content(fmt::format("this exporter answers to {} or localhost only, not to the name '{}'\n",
                                m->host, req.get_header_value("Host")),
                    "text/plain; charset=utf-8");
    return httplib::Server::HandlerResponse::Handled;
  });
  s.Get("/metrics", [m](const httplib::Request&, httplib::Response& res) {
    // Each worker renders into its own buffer, reused from scrape to scrape.
    thread_local std::string text;
    m->board.render(text);
    if (m->jobs != nullptr) m->jobs->board().render(text);
    res.set_content(text, kPrometheusContentType);
  });
  s.Get("/", [](const httplib::Request&, httplib::Response& res) {
    res.set_content("carbonscope exporter: the metrics are at /metrics\n", "text/plain; charset=utf-8");
  });
  s.set_default_headers({{"X-Content-Type-Options", "nosniff"}});
  harden_server(s, kMetricsWorkers);
}

MetricsServer::~MetricsServer() { stop(); }

Result<int> MetricsServer::start(const std::string& host, int port) {
  if (impl_->thread.joinable()) return Status::failed_precondition("the metrics server is already started");
  CS_ASSIGN_OR_RETURN(int bound, bind_server(impl_->server, host, port, "port"));
  impl_->host = host;
  impl_->port = bound;
  impl_->thread = std::thread([m = impl_.get()] {
    m->server.listen_after_bind();
    m->done = true;
  });
  return bound;
}

void MetricsServer::stop() {
  if (!impl_ || !impl_->thread.joinable()) return;
  // httplib's stop() does nothing before its accept loop has started, and an accept()
  // already entered can miss it: stop and knock until the loop has ended (a stop in
  // the first instant, e.g. a signal, must not leave the thread listening).
  stop_listening(impl_->server, impl_->host, impl_->port, impl_->done);
  impl_->thread.join();
}

Result<ListenAddress> parse_listen_address(const std::string& text, bool allow_remote,
                                           const std::string& option) {
  const auto bad = [&](const std::string& why) {
    return Status::invalid_argument(
        fmt::format("{} '{}': {}; give HOST:PORT, e.g. 127.0.0.1:9464 or [::1]:9464", option, text, why));
  };
  ListenAddress a;
  std::string port;
  if (!text.empty() && text.front() == '[') {
    const std::size_t close = text.find(']');
    if (close == std::string::npos || close + 1 >= text.size() || text[close + 1] != ':')
      return bad("no port");
    a.host = text.substr(1, close - 1);
    port = text.substr(close + 2);
  } else {
    const std::size_t colon = text.rfind(':');
    if (colon == std::string::npos) return bad("no port");
    if (text.find(':') != colon) return bad("an IPv6 address goes in brackets");
    a.host = text.substr(0, colon);
    port = text.substr(colon + 1);
  }
  if (a.host.empty()) return bad("no host (0.0.0.0 listens on every interface)");
  const auto [end, ec] = std::from_chars(port.data(), port.data() + port.size(), a.port);
  if (port.empty() || ec != std::errc() || end != port.data() + port.size() || a.port < 0 || a.port > 65535) {
    return bad("the port is not a number from 0 to 65535");
  }
  if (!allow_remote && !is_loopback_host(a.host)) {
    return Status::invalid_argument(fmt::format(
        "{} {}: other machines could read these metrics (no authentication); add --allow-remote to listen "
        "beyond loopback",
        option, text));
  }
  return a;
}

}  // namespace carbonscope

// Host header check and connection limits shared by the HTTP servers.
#include "serve/http_guard.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cctype>
#include <cerrno>
#include <chrono>
#include <cstdint>
#include <thread>

#include <fmt/format.h>

namespace carbonscope {
namespace {

// The name in a Host header without its port: "[::1]:8787" -> "::1", "localhost:80" -> "localhost".
std::string host_name(std::string h) {
  if (!h.empty() && h.front() == '[') {
    const std::size_t close = h.find(']');
    return close == std::string::npos ? h : h.substr(1, close - 1);
  }
  const std::size_t colon = h.rfind(':');
  if (colon != std::string::npos && h.find(':') == colon) h.resize(colon);
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return h;
}

bool wildcard(const std::string& host) { return host == "0.0.0.0" || host == "::" || host == "0"; }

}  // namespace

bool host_allowed(const std::string& bound, const httplib::Request& req) {
  if (wildcard(bound)) return true;
  const std::string h = host_name(req.get_header_value("Host"));
  return h == "localhost" || h == "127.0.0.1" || h == "::1" || h == host_name(bound) ||
         (bound.find(':') != std::string::npos && h == bound);
}

void harden_server(httplib::Server& s, std::size_t workers) {
  s.set_payload_max_length(64 * 1024);
  s.new_task_queue = [workers] { return new httplib::ThreadPool(workers); };
  s.set_read_timeout(2, 0);
  s.set_write_timeout(5, 0);
  s.set_keep_alive_timeout(2);
  s.set_keep_alive_max_count(100);
  s.set_socket_options([](socket_t sock) {
    int yes = 1;
    setsockopt(sock, SOL_SOCKET, SO_REUSEADDR, &yes, sizeof yes);
  });
}

Result<int> bind_server(httplib::Server& server, const std::string& host, int port,
                        const std::string& port_option) {
  if (port < 0 || port > 65535)
    return Status::invalid_argument(fmt::format("port {} is out of range 0-65535", port));
  if (host.empty()) {
    return Status::invalid_argument(
        "--host is empty: give an address such as 127.0.0.1 (the default) or ::1");
  }
  if (port == 0) {
    const int bound = server.bind_to_any_port(host);
    if (bound <= 0) return Status::io_error(fmt::format("cannot listen on {}: check the address", host));
    return bound;
  }
  if (!server.bind_to_port(host, port)) {
    return Status::io_error(
        fmt::format("cannot listen on {}:{}: the port is in use or the address is not local; try another {}",
                    host, port, port_option));
  }
  return port;
}

namespace {

// Connects to the listening socket (the bound address; loopback for a wildcard or a
// name) and hangs up, so that an accept() that missed the
// stop returns and sees it.
void knock(const std::string& host, int port) {
  const bool v6 = host.find(':') != std::string::npos;
  const int fd = ::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_CLOEXEC | SOCK_NONBLOCK, 0);
  if (fd < 0) return;
  sockaddr_storage addr{};
  socklen_t len = 0;
  if (v6) {
    auto* a = reinterpret_cast<sockaddr_in6*>(&addr);
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET6, host.c_str(), &a->sin6_addr) != 1 || IN6_IS_ADDR_UNSPECIFIED(&a->sin6_addr)) {
      a->sin6_addr = in6addr_loopback;  // a wildcard or a name: loopback reaches it
    }
    len = sizeof *a;
  } else {
    auto* a = reinterpret_cast<sockaddr_in*>(&addr);
    a->sin_family = AF_INET;
    a->sin_port = htons(static_cast<std::uint16_t>(port));
    if (::inet_pton(AF_INET, host.c_str(), &a->sin_addr) != 1 || a->sin_addr.s_addr == htonl(INADDR_ANY)) {
      a->sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    }
    len = sizeof *a;
  }
  // Non-blocking, at most 50 ms: a listening socket nobody accepts on fills its backlog,
  // and a blocking connect would then wait out the kernel's SYN retries (minutes).
  if (::connect(fd, reinterpret_cast<sockaddr*>(&addr), len) != 0 && errno == EINPROGRESS) {
    pollfd p{fd, POLLOUT, 0};
    (void)::poll(&p, 1, 50);
  }
  ::close(fd);
}

}  // namespace

void stop_listening(httplib::Server& server, const std::string& host, int port,
                    const std::atomic<bool>& done) {
  for (int i = 0; i < 2000 && !done; ++i) {
    server.stop();
    if (done) break;
    knock(host, port);
    std::this_thread::sleep_for(std::chrono::milliseconds(5));
  }
}

}  // namespace carbonscope

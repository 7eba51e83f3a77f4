// GET over a loopback TCP socket with poll() timeouts.
#include "platform/loopback_http.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <poll.h>
#include <sys/socket.h>
#include <unistd.h>

#include <cerrno>
#include <chrono>
#include <cstring>

#include <fmt/format.h>

namespace carbonscope {

Result<LoopbackUrl> parse_loopback_url(const std::string& url) {
  const std::string scheme = "http://";
  if (url.rfind(scheme, 0) != 0) {
    return Status::invalid_argument(
        fmt::format("'{}': give an http:// URL on this machine, such as http://127.0.0.1:8000/metrics", url));
  }
  std::string rest = url.substr(scheme.size());
  const auto slash = rest.find('/');
  LoopbackUrl out;
  if (slash != std::string::npos) {
    out.path = rest.substr(slash);
    rest = rest.substr(0, slash);
  }
  std::string host = rest, port;
  if (!rest.empty() && rest[0] == '[') {
    const auto close = rest.find(']');
    if (close == std::string::npos)
      return Status::invalid_argument(fmt::format("'{}': unclosed [ in the host", url));
    host = rest.substr(1, close - 1);
    if (close + 1 < rest.size() && rest[close + 1] == ':') port = rest.substr(close + 2);
  } else if (const auto colon = rest.rfind(':'); colon != std::string::npos) {
    host = rest.substr(0, colon);
    port = rest.substr(colon + 1);
  }
  if (host == "localhost" || host == "127.0.0.1") {
    out.host = "127.0.0.1";
  } else if (host == "::1") {
    out.host = "::1";
  } else {
    return Status::invalid_argument(
        fmt::format("'{}': only this machine's metrics are read (127.0.0.1, ::1 or localhost), not host '{}'",
                    url, host));
  }
  if (!port.empty()) {
    char* end = nullptr;
    const long p = std::strtol(port.c_str(), &end, 10);
    if (*end != '\0' || p < 1 || p > 65535)
      return Status::invalid_argument(fmt::format("'{}': bad port '{}'", url, port));
    out.port = static_cast<int>(p);
  }
  return out;
}

namespace {

struct Fd {
  int fd = -1;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

bool wait_for(int fd, short events, int ms) {
  pollfd p{fd, events, 0};
  int r;
  do {
    r = ::poll(&p, 1, ms);
  } while (r < 0 && errno == EINTR);
  return r > 0;
}

}  // namespace

Result<std::string> loopback_get(const LoopbackUrl& url, int timeout_ms) {
  const bool v6 = url.host == "::1";
  Fd s{::socket(v6 ? AF_INET6 : AF_INET, SOCK_STREAM | SOCK_NONBLOCK | SOCK_CLOEXEC, 0)};
  if (s.fd < 0) return Status::io_error(fmt::format("socket: {}", std::strerror(errno)));
  const std::string where = fmt::format("{}:{}", url.host, url.port);
  int rc;
  if (v6) {
    sockaddr_in6 a{};
    a.sin6_family = AF_INET6;
    a.sin6_port = htons(static_cast<uint16_t>(url.port));
    a.sin6_addr = in6addr_loopback;
    rc = ::connect(s.fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  } else {
    sockaddr_in a{};
    a.sin_family = AF_INET;
    a.sin_port = htons(static_cast<uint16_t>(url.port));
    a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    rc = ::connect(s.fd, reinterpret_cast<sockaddr*>(&a), sizeof a);
  }
  if (rc < 0 && errno != EINPROGRESS) {
    return Status::unavailable(fmt::format("cannot connect to {}: {}", where, std::strerror(errno)));
  }
  const auto deadline = std::chrono::steady_clock::now() + std::chrono::milliseconds(timeout_ms);
  const auto left = [&] {
    return static_cast<int>(std::max<long>(
        0, std::chrono::duration_cast<std::chrono::milliseconds>(deadline - std::chrono::steady_clock::now())
               .count()));
  };
  if (!wait_for(s.fd, POLLOUT, left()))
    return Status::unavailable(fmt::format("{}: no connection in time", where));
  int err = 0;
  socklen_t len = sizeof err;
  ::getsockopt(s.fd, SOL_SOCKET, SO_ERROR, &err, &len);
  if (err != 0)
    return Status::unavailable(fmt::format("cannot connect to {}: {}", where, std::strerror(err)));
  const std::string request =
      fmt::format("GET {} HTTP/1.0\r\nHost: {}\r\nAccept: text/plain\r\n\r\n", url.path, where);
  std::size_t sent = 0;
  while (sent < request.size()) {
    if (!wait_for(s.fd, POLLOUT, left()))
      return Status::unavailable(fmt::format("{}: request timed out", where));
    const ssize_t n = ::send(s.fd, request.data() + sent, request.size() - sent, MSG_NOSIGNAL);
    if (n < 0 && errno != EAGAIN && errno != EINTR)
      return Status::io_error(fmt::format("{}: {}", where, std::strerror(errno)));
    if (n > 0) sent += static_cast<std::size_t>(n);
  }
  std::string answer;
  constexpr std::size_t kMaxAnswer = 16u << 20;
  char buf[16384];
  for (;;) {
    if (!wait_for(s.fd, POLLIN, left()))
      return Status::unavailable(fmt::format("{}: answer timed out", where));
    const ssize_t n = ::recv(s.fd, buf, sizeof buf, 0);
    if (n == 0) break;
    if (n < 0) {
      if (errno == EAGAIN || errno == EINTR) continue;
      return Status::io_error(fmt::format("{}: {}", where, std::strerror(errno)));
    }
    answer.append(buf, static_cast<std::size_t>(n));
    if (answer.size() > kMaxAnswer) return Status::data_error(fmt::format("{}: answer over 16 MiB", where));
  }
  const auto body = answer.find("\r\n\r\n");
  if (answer.rfind("HTTP/", 0) != 0 || body == std::string::npos) {
    return Status::data_error(fmt::format("{}{}: not an HTTP answer", where, url.path));
  }
  const auto sp = answer.find(' ');
  const std::string code = answer.substr(sp + 1, 3);
  if (code != "200") return Status::unavailable(fmt::format("{}{}: HTTP {}", where, url.path, code));
  return answer.substr(body + 4);
}

}  // namespace carbonscope

// Host header check and connection limits shared by the HTTP servers.
#include "serve/http_guard.h"

#include <sys/socket.h>

#include <cctype>

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

}  // namespace carbonscope

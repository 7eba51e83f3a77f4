// What every carbonscope HTTP server (the dashboard, the Prometheus exporter) does
// against hostile clients: the Host header check against DNS rebinding, and worker,
// timeout and size limits so that idle or half-sent connections drain in seconds.
#pragma once

#include <httplib.h>

#include <atomic>
#include <cstddef>
#include <string>

#include "carbonscope/status.h"

namespace carbonscope {

// Only the bound address and the loopback names are answered to (a wildcard bind,
// asked for explicitly, answers to any name): a page of another site whose name
// resolves to 127.0.0.1 sends its own name as Host.
bool host_allowed(const std::string& bound, const httplib::Request& req);

// `workers` threads, 2 s read and keep-alive timeouts, 5 s write timeout, small request
// bodies, and SO_REUSEADDR without httplib's SO_REUSEPORT (a second server on the same
// port must fail, not share it).
void harden_server(httplib::Server& server, std::size_t workers);

// Binds `host`:`port` (port 0: any free port) and returns the bound port; errors name
// `port_option`, the option that chose the port.
Result<int> bind_server(httplib::Server& server, const std::string& host, int port,
                        const std::string& port_option);

// Ends a listen loop running on another thread: httplib's stop() does nothing before
// its accept loop has started, and an accept() already entered can miss it, so this
// stops and knocks (connects to host:port and hangs up) until `done` (set when the
// loop has returned), for at most 10 s.
void stop_listening(httplib::Server& server, const std::string& host, int port,
                    const std::atomic<bool>& done);

}  // namespace carbonscope

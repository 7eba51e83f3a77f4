// A minimal HTTP/1.0 GET of a page on this machine (127.0.0.1, ::1 or localhost),
// for scraping a local metrics endpoint: no other host is ever contacted.
#pragma once

#include <string>

#include "carbonscope/status.h"

namespace carbonscope {

struct LoopbackUrl {
  std::string host;  // "127.0.0.1" or "::1"
  int port = 80;
  std::string path = "/";
};

// Parses "http://127.0.0.1:8000/metrics" (localhost, [::1] too); anything else is refused
// with why (another host, https, a missing port is 80).
Result<LoopbackUrl> parse_loopback_url(const std::string& url);

// GETs the URL within timeout_ms; the body of a 200 answer, else an error.
Result<std::string> loopback_get(const LoopbackUrl& url, int timeout_ms);

}  // namespace carbonscope

// The local dashboard of `carbonscope serve`: a web server over the ledger (never the
// sensors), read again on each request. Binds 127.0.0.1 unless told otherwise.
// Defined in src/serve (cs_serve, which alone links the HTTP library) and built into
// carbonscope-serve, not into libcarbonscope: `cmake --install` leaves this header out.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <vector>

#include "carbonscope/report_bundle.h"
#include "carbonscope/status.h"

namespace carbonscope {

struct DashboardOptions {
  std::string ledger_path;
  std::vector<RegionIntensity> regions;  // for the "other regions" chart
  std::vector<Equivalent> equivalents;
  std::size_t list_limit = 500;  // newest runs on the list page
};

class Dashboard {
 public:
  virtual ~Dashboard() = default;  // stops it
  // Binds `host`:`port` (port 0: any free port) and returns the bound port.
  virtual Result<int> bind(const std::string& host, int port) = 0;
  // Serves until stop() (from another thread or a signal handler).
  virtual Status listen() = 0;
  virtual void stop() = 0;
};

std::unique_ptr<Dashboard> make_dashboard(DashboardOptions options);

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(const std::string& host);

}  // namespace carbonscope

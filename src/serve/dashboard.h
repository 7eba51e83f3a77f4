// Dashboard: the local web server of `carbonscope serve`. Reads the ledger (never the
// sensors) on each request and answers with pages from dashboard_pages.h, JSON under
// /api/, and the embedded stylesheet. Binds 127.0.0.1 unless told otherwise.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carbonscope/report_bundle.h"
#include "carbonscope/status.h"

namespace carbonscope {

struct DashboardOptions {
  std::string ledger_path;
  std::vector<RegionIntensity> regions;   // for the "other regions" chart
  std::vector<Equivalent> equivalents;
  std::size_t list_limit = 500;           // newest runs on the list page
};

class Dashboard {
 public:
  explicit Dashboard(DashboardOptions options);
  ~Dashboard();
  Dashboard(const Dashboard&) = delete;
  Dashboard& operator=(const Dashboard&) = delete;

  // Binds `host`:`port` (port 0: any free port) and returns the bound port.
  Result<int> bind(const std::string& host, int port);
  // Serves until stop() (from another thread or a signal handler's thread).
  Status listen();
  void stop();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

// True for 127.0.0.0/8, ::1 and "localhost".
bool is_loopback_host(const std::string& host);

}  // namespace carbonscope

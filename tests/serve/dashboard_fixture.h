// A Dashboard serving a temporary ledger filled from the fixture runs, on a free
// loopback port, in a background thread for the duration of a test suite.
#pragma once

#include <memory>
#include <string>
#include <thread>

#include "carbonscope/dashboard.h"

namespace carbonscope::test {

class ServedLedger {
 public:
  ServedLedger();
  ~ServedLedger();
  int port() const { return port_; }
  std::string url(const std::string& path) const;
  const std::string& ledger_path() const { return ledger_; }

 private:
  std::string ledger_;
  std::unique_ptr<Dashboard> dashboard_;
  std::thread thread_;
  int port_ = 0;
};

}  // namespace carbonscope::test

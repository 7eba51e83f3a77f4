// Running sacct itself: the argv for the fields carbonscope reads, and a child process
// whose standard output is read as a stream (never buffered whole).
#pragma once

#include <istream>
#include <memory>
#include <string>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope::cluster {

struct SacctQuery {
  std::string sacct = "sacct";  // the program (PATH is searched)
  std::string starttime, endtime, user, account, partition, cluster;
  bool all_users = false;
  bool json = false;
};

std::vector<std::string> sacct_argv(const SacctQuery& q);

// A running sacct; read `output()` to the end, then finish() for its exit status.
class SacctProcess {
 public:
  static Result<std::unique_ptr<SacctProcess>> start(const std::vector<std::string>& argv);
  ~SacctProcess();
  std::istream& output() { return *stream_; }
  // Waits for sacct; an error with its stderr's gist when it failed.
  Status finish();

 private:
  SacctProcess() = default;
  int pid_ = -1;
  int out_fd_ = -1;
  std::string program_;
  std::unique_ptr<std::streambuf> buf_;
  std::unique_ptr<std::istream> stream_;
};

}  // namespace carbonscope::cluster

// Where an inference service's request counts come from when it is not our own Python
// process (`run` and `monitor` with --requests-from or --requests-log): a Prometheus
// metrics page on this machine (vLLM's, TGI's, or any counter) or a log file with one
// line per request. A RequestPoller reads the source on its own thread and adds the new
// work to the Tracker, whose report then has the per-request fit.
#pragma once

#include <memory>
#include <string>

#include "carbonscope/inference.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope {

class Tracker;

class RequestSource {
 public:
  virtual ~RequestSource() = default;
  // The work done since the previous poll (the first poll sets the baseline: work
  // counted before the run started is not the run's).
  virtual Result<RequestCounts> poll() = 0;
  virtual std::string describe() const = 0;
};

// The counters of the metrics page at `url` (http://127.0.0.1:8000/metrics: loopback
// only): `requests_metric` and `tokens_metric` (output tokens) by name, or "" for
// vLLM's then TGI's. Counter resets start again at 0.
Result<std::unique_ptr<RequestSource>> metrics_request_source(const std::string& url,
                                                              const std::string& requests_metric = "",
                                                              const std::string& tokens_metric = "");
// Lines of `path` matching the regular expression `pattern` appended since the last
// poll, one request each; the pattern's first capture group, when it has one, is the
// request's output tokens and its second the input tokens. A file that does not exist
// yet is waited for; one that shrinks (rotated, truncated) is read again from its start.
Result<std::unique_ptr<RequestSource>> log_request_source(const std::string& path, const std::string& pattern);

class RequestPoller {
 public:
  virtual ~RequestPoller() = default;  // stops
  // Polls once more and stops, so the last requests are in the last interval.
  virtual void stop() = 0;
  // "12 of 40 reads of URL failed; the last: ..." or "" when all succeeded.
  virtual std::string problems() const = 0;
};

// Polls `source` a few times per sampling `interval` (every quarter of it, 50 ms to 1 s)
// on a thread, adding the work to `tracker`; the first poll, the baseline, is made
// before it returns. nullptr when `source` is.
std::unique_ptr<RequestPoller> start_request_poller(std::unique_ptr<RequestSource> source, Tracker& tracker,
                                                    Duration interval);

}  // namespace carbonscope

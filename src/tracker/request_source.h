// Where an inference service's request counts come from when it is not our own
// Python process: a Prometheus metrics page on this machine (vLLM's, TGI's, or any
// counter) or a log file with one line per request. A RequestPoller reads the source
// on its own thread and adds the new work to the Tracker.
#pragma once

#include <atomic>
#include <condition_variable>
#include <map>
#include <memory>
#include <mutex>
#include <regex>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "carbonscope/inference.h"
#include "carbonscope/status.h"
#include "carbonscope/units.h"
#include "platform/loopback_http.h"

namespace carbonscope {

class Tracker;

// The text exposition format: each sample's value summed over its label sets, by
// metric name ("vllm:request_success_total{model=...} 12" -> 12 under that name).
// Comments, blank lines and unparsable values are skipped.
std::map<std::string, double> parse_prometheus_text(std::string_view text);

// Counter names tried in order when none is given: vLLM's, then TGI's.
extern const std::vector<std::string> kRequestMetrics, kOutputTokenMetrics, kInputTokenMetrics;

class RequestSource {
 public:
  virtual ~RequestSource() = default;
  // The work done since the previous poll (the first poll sets the baseline: work
  // counted before the run started is not the run's).
  virtual Result<RequestCounts> poll() = 0;
  virtual std::string describe() const = 0;
};

struct MetricNames {
  std::vector<std::string> requests = kRequestMetrics;
  std::vector<std::string> output_tokens = kOutputTokenMetrics;
  std::vector<std::string> input_tokens = kInputTokenMetrics;
};

class PrometheusSource : public RequestSource {
 public:
  PrometheusSource(LoopbackUrl url, std::string text_url, MetricNames names);
  Result<RequestCounts> poll() override;
  std::string describe() const override { return text_url_; }
  // One scrape's counters -> the work since the last (counter resets start again at 0).
  Result<RequestCounts> update(const std::map<std::string, double>& metrics);

 private:
  LoopbackUrl url_;
  std::string text_url_;
  MetricNames names_;
  bool have_last_ = false;
  RequestCounts last_;
};

// Lines of `path` matching `pattern` appended since the last poll, one request each;
// the pattern's first capture group, when it has one, is the request's output tokens
// and its second the input tokens. A file that does not exist yet is waited for; one
// that shrinks (rotated, truncated) is read again from its start.
class LogSource : public RequestSource {
 public:
  static Result<std::unique_ptr<LogSource>> create(std::string path, const std::string& pattern);
  Result<RequestCounts> poll() override;
  std::string describe() const override { return path_; }

 private:
  LogSource(std::string path, std::regex re) : path_(std::move(path)), re_(std::move(re)) {}
  std::string path_;
  std::regex re_;
  bool started_ = false;
  std::uint64_t offset_ = 0;
  std::string partial_;
};

// Polls a source every `period` on a thread, adding the work to the tracker; stop()
// polls once more, so the last requests are in the last interval.
class RequestPoller {
 public:
  RequestPoller(std::unique_ptr<RequestSource> source, Tracker& tracker, Duration period);
  ~RequestPoller();
  void stop();
  // "12 of 40 reads of URL failed; the last: ..." or "" when all succeeded.
  std::string problems() const;

 private:
  void poll_once();
  std::unique_ptr<RequestSource> source_;
  Tracker& tracker_;
  Duration period_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  int polls_ = 0, failures_ = 0;
  bool ever_ok_ = false;
  std::string last_error_;
  std::thread thread_;
};

}  // namespace carbonscope

// The request sources behind carbonscope/request_source.h: the Prometheus text parser
// and counter names, the metrics page and the log file.
#pragma once

#include <cstdint>
#include <map>
#include <memory>
#include <regex>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/request_source.h"
#include "platform/loopback_http.h"

namespace carbonscope {

// The text exposition format: each sample's value summed over its label sets, by
// metric name ("vllm:request_success_total{model=...} 12" -> 12 under that name).
// Comments, blank lines and unparsable values are skipped.
std::map<std::string, double> parse_prometheus_text(std::string_view text);

// Counter names tried in order when none is given: vLLM's, then TGI's.
extern const std::vector<std::string> kRequestMetrics, kOutputTokenMetrics, kInputTokenMetrics;

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

// log_request_source's: lines of `path` matching `pattern`.
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

}  // namespace carbonscope

// Request-count options of run and monitor.
#include "request_options.h"

#include <iostream>

#include <fmt/format.h>

#include "carbonscope/inference.h"

namespace carbonscope::cli {

void add_request_options(CLI::App* app, RequestOptions& o) {
  app->add_option("--requests-from", o.from,
                  "Count an inference service's requests from its Prometheus metrics on this machine "
                  "(http://127.0.0.1:8000/metrics; vLLM's and TGI's counters are known)");
  app->add_option("--requests-metric", o.metric, "The request counter to read from --requests-from");
  app->add_option("--tokens-metric", o.tokens_metric,
                  "The output-token counter to read from --requests-from");
  app->add_option("--requests-log", o.log, "Count requests as lines of this log file matching --match");
  app->add_option("--match", o.match,
                  "Regular expression of a request's log line; its first group, if any, is the output tokens "
                  "and its second the input tokens");
}

Result<std::unique_ptr<RequestSource>> make_request_source(const RequestOptions& o) {
  if (!o.from.empty() && !o.log.empty()) {
    return Status::invalid_argument(
        "--requests-from and --requests-log conflict: count requests from one source");
  }
  if ((!o.metric.empty() || !o.tokens_metric.empty()) && o.from.empty()) {
    return Status::invalid_argument(
        "--requests-metric and --tokens-metric name counters of --requests-from URL");
  }
  if (!o.match.empty() && o.log.empty()) return Status::invalid_argument("--match needs --requests-log FILE");
  if (!o.from.empty()) {
    auto source = metrics_request_source(o.from, o.metric, o.tokens_metric);
    if (!source.ok()) return source.status().with_context("--requests-from");
    return source;
  }
  if (!o.log.empty()) {
    if (o.match.empty()) {
      return Status::invalid_argument(
          "--requests-log needs --match REGEX, the pattern of one request's line");
    }
    return log_request_source(o.log, o.match);
  }
  return std::unique_ptr<RequestSource>();
}

void stop_request_poller(RequestPoller* poller) {
  if (poller) poller->stop();
}

void print_inference(const Report& report, const RequestPoller* poller, bool quiet) {
  if (poller) {
    if (const std::string p = poller->problems(); !p.empty())
      std::cerr << "carbonscope: warning: " << p << "\n";
  }
  if (quiet || !report.inference) return;
  for (const std::string& line : inference_lines(*report.inference, report.footprint)) {
    std::cerr << "carbonscope: " << line << "\n";
  }
}

}  // namespace carbonscope::cli

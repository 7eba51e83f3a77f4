// Request-count options of run and monitor.
#include "request_options.h"

#include <algorithm>
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
    auto url = parse_loopback_url(o.from);
    if (!url.ok()) return url.status().with_context("--requests-from");
    MetricNames names;
    if (!o.metric.empty()) names.requests = {o.metric};
    if (!o.tokens_metric.empty()) names.output_tokens = {o.tokens_metric};
    return std::unique_ptr<RequestSource>(std::make_unique<PrometheusSource>(*url, o.from, names));
  }
  if (!o.log.empty()) {
    if (o.match.empty()) {
      return Status::invalid_argument(
          "--requests-log needs --match REGEX, the pattern of one request's line");
    }
    CS_ASSIGN_OR_RETURN(std::unique_ptr<LogSource> log, LogSource::create(o.log, o.match));
    return std::unique_ptr<RequestSource>(std::move(log));
  }
  return std::unique_ptr<RequestSource>();
}

std::unique_ptr<RequestPoller> start_request_poller(std::unique_ptr<RequestSource> source, Tracker& tracker,
                                                    Duration interval) {
  if (!source) return nullptr;
  const Duration period(std::clamp(interval.count() / 4, 0.05, 1.0));
  return std::make_unique<RequestPoller>(std::move(source), tracker, period);
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

// --requests-from URL [--requests-metric NAME] [--tokens-metric NAME] and
// --requests-log FILE --match REGEX for `run` and `monitor`: where an inference
// service's request counts come from, polled while the run is measured; the report
// then has the per-request fit (carbonscope/request_source.h, accounting/inference_fit.cc).
#pragma once

#include <memory>
#include <string>

#include <CLI/CLI.hpp>

#include "carbonscope/report.h"
#include "carbonscope/request_source.h"
#include "carbonscope/tracker.h"

namespace carbonscope::cli {

struct RequestOptions {
  std::string from;           // --requests-from URL (Prometheus text on this machine)
  std::string metric;         // --requests-metric NAME
  std::string tokens_metric;  // --tokens-metric NAME (output tokens)
  std::string log;            // --requests-log FILE
  std::string match;          // --match REGEX
  bool any() const { return !from.empty() || !log.empty(); }
};

void add_request_options(CLI::App* app, RequestOptions& o);
// The source the options name (nullptr: none), checked before anything starts.
Result<std::unique_ptr<RequestSource>> make_request_source(const RequestOptions& o);
// Then start_request_poller (carbonscope/request_source.h) polls it into the tracker.
// Stops the poller (one last read) before the tracker stops.
void stop_request_poller(RequestPoller* poller);
// After the summary: the inference figures and any trouble reading the source.
void print_inference(const Report& report, const RequestPoller* poller, bool quiet);

}  // namespace carbonscope::cli

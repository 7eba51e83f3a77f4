// The Prometheus text exposition format (version 0.0.4) of a tracker's live figures:
// per counted domain, an energy counter in joules, a power gauge in watts and an
// emissions counter in grams of CO2e, with Kepler's label names where they overlap
// (node_name, zone). MetricsBoard keeps the latest figures (numbers only, updated on
// the sampler thread) and renders them on each scrape into a buffer the caller reuses.
#pragma once

#include <cstdint>
#include <mutex>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/metrics_endpoint.h"  // MetricLabel, MetricsScope
#include "carbonscope/tracker.h"

namespace carbonscope {

inline constexpr const char* kPrometheusContentType = "text/plain; version=0.0.4; charset=utf-8";

// A label value with the format's three escapes: backslash, double quote, line feed.
void append_label_value(std::string& out, std::string_view value);
// HELP text escapes backslash and line feed.
void append_help_text(std::string& out, std::string_view text);
// A sample value: the shortest decimal that reads back exactly, NaN, +Inf or -Inf.
void append_sample_value(std::string& out, double value);
// "# HELP NAME HELP\n# TYPE NAME TYPE\n".
void append_family_header(std::string& out, std::string_view name, std::string_view type, std::string_view help);
// [a-zA-Z_][a-zA-Z0-9_]*, not starting with "__" (reserved for Prometheus).
bool valid_label_name(std::string_view name);

class MetricsBoard {
 public:
  explicit MetricsBoard(MetricsScope scope);

  // Copies the figures of `s` (labels are built on the first sample only).
  void update(const Snapshot& s);
  // The whole exposition into `out` (cleared first). Before the first sample: every
  // family's HELP and TYPE, carbonscope_samples_total 0, and no energy series.
  void render(std::string& out) const;

 private:
  struct Series {
    std::string key;
    std::string labels;  // rendered once: {node_name="...",component="cpu",...}
    double watts = 0;
    double joules = 0;
  };
  void describe(const Snapshot& s);

  MetricsScope scope_;
  std::string constant_;  // the scope's labels, rendered: node_name="h",job_id="7"
  mutable std::mutex mu_;
  std::vector<Series> series_;
  std::int64_t samples_ = 0;
};

}  // namespace carbonscope

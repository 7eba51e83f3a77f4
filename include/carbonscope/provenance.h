// Ranges and provenance: every figure carbonscope prints has a central value, a
// low/high range, and says how it was obtained (measured, estimated, given, default)
// and from which source.
#pragma once

#include <string>
#include <string_view>

namespace carbonscope {

// A central value with a low/high range. An exact value has low == central == high.
template <typename Q>
struct Range {
  Q central{};
  Q low{};
  Q high{};

  static constexpr Range exact(Q q) { return {q, q, q}; }
  static constexpr Range of(Q central, Q low, Q high) { return {central, low, high}; }
  constexpr bool is_exact() const { return low == central && high == central; }
  constexpr bool is_valid() const { return low <= central && central <= high; }

  // Scales every bound by a non-negative factor.
  constexpr Range scaled(double k) const { return {central * k, low * k, high * k}; }
  friend constexpr Range operator+(const Range& a, const Range& b) {
    return {a.central + b.central, a.low + b.low, a.high + b.high};
  }
};

// Product of two non-negative ranges (interval arithmetic: bounds multiply).
template <typename A, typename B>
constexpr auto multiply(const Range<A>& a, const Range<B>& b) {
  using R = decltype(a.central * b.central);
  return Range<R>{a.central * b.central, a.low * b.low, a.high * b.high};
}

enum class Method {
  kMeasured,   // read from a hardware counter or sensor
  kEstimated,  // computed from a model (TDP x utilisation, FLOPs, ...)
  kGiven,      // stated by the user on the command line or in a file
  kDefault,    // a documented default, taken because nothing else was given
  kReference,  // a published figure from a data table (source_id names it)
};

std::string_view method_name(Method m);

// Where a figure comes from. source_id points into data/SOURCES.csv when the figure
// comes from a data table; `detail` says which counter, model or table row.
struct Provenance {
  Method method = Method::kDefault;
  std::string source_id;
  std::string detail;
  std::string region;
  int year = 0;
};

}  // namespace carbonscope

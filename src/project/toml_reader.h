// Typed, position-aware reading of a TOML table for the project file: each getter
// parses one key with its unit and records "file:line:col: reason" on failure, so a
// whole file is checked before anything is computed.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include <toml++/toml.h>

#include "carbonscope/status.h"
#include "carbonscope/units.h"

namespace carbonscope::project {

// Keys dotted or tables and arrays nested deeper than this are refused before toml++
// parses the file (its parser recurses once per level and overflows the stack).
inline constexpr int kMaxTomlDepth = 64;
// A scan of the raw text (outside strings and comments): "path:line: ..." on the first
// key or value nested beyond kMaxTomlDepth.
Status check_toml_depth(std::string_view text, const std::string& path);

// Every error found in one file, each prefixed with its position.
class Errors {
 public:
  explicit Errors(std::string path) : path_(std::move(path)) {}
  void at(const toml::source_region& where, std::string_view message);
  bool empty() const { return list_.empty(); }
  // kInvalidArgument with one error per line, in file order; OK when there were none.
  Status status() const;

 private:
  struct Entry {
    std::uint32_t line, column;
    std::string text;
  };
  std::string path_;
  std::vector<Entry> list_;
};

// One table of the file. Construction reports keys outside `allowed` (with a
// suggestion when one is close).
class TableReader {
 public:
  TableReader(const toml::table& table, std::string name, const std::vector<std::string_view>& allowed,
              Errors& errors);

  const std::string& name() const { return name_; }
  bool has(std::string_view key) const { return table_.contains(key); }
  toml::source_region where(std::string_view key) const;
  void error(std::string_view key, std::string_view message) const;
  void error_here(std::string_view message) const;

  std::optional<std::string> text(std::string_view key) const;
  // The value as written (a string's text, a number's digits), for a key a typed getter
  // has already accepted; nullopt when absent or of another type.
  std::optional<std::string> raw_text(std::string_view key) const;
  std::vector<std::string> texts(std::string_view key) const;  // a string or an array of them
  // An integer >= min (counts of servers, GPUs, runs, requests).
  // Counts above `max` (10^15 by default) are refused: no fleet or workload has them,
  // and they lose precision as the doubles the model computes with.
  std::optional<std::int64_t> integer(std::string_view key, std::int64_t min,
                                      std::int64_t max = 1'000'000'000'000'000) const;
  // A plain number > 0 (or >= min_inclusive when given), for unitless ratios and years.
  std::optional<double> number(std::string_view key, double min, bool min_inclusive, double max) const;
  // Quantities: a quoted string with its unit ("400W"); a bare number is an error.
  std::optional<Power> power(std::string_view key) const;
  std::optional<Energy> energy(std::string_view key) const;
  std::optional<Duration> duration(std::string_view key) const;
  std::optional<Emissions> emissions(std::string_view key) const;
  std::optional<CarbonIntensity> intensity(std::string_view key) const;
  // "85%" or 0.85, in (0, 1].
  std::optional<double> fraction(std::string_view key) const;
  // A PUE (1.2 or "1.2"), checked by the one PUE range check (check_pue).
  std::optional<double> pue(std::string_view key) const;
  // "176B", "2T" or a number: parameters, tokens, FLOPs.
  std::optional<double> scaled_count(std::string_view key) const;

 private:
  const toml::node* node(std::string_view key) const;
  std::optional<std::string> quantity_text(std::string_view key, std::string_view example) const;

  const toml::table& table_;
  std::string name_;
  Errors& errors_;
};

}  // namespace carbonscope::project

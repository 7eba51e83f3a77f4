// Typed getters over toml++ tables, with the core parsers for units and errors that
// carry the key's position.
#include "project/toml_reader.h"

#include <algorithm>
#include <cctype>
#include <cmath>
#include <limits>
#include <tuple>

#include <fmt/format.h>

#include "accounting/location_text.h"
#include "carbonscope/parse.h"

namespace carbonscope::project {
namespace {

// Figures closer to zero than this (denormals such as 4.9e-324) are typos, and divide
// into infinities.
constexpr double kTiny = 1e-9;

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> row(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) row[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    std::size_t diag = row[0];
    row[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t up = row[j];
      row[j] = std::min({row[j] + 1, row[j - 1] + 1, diag + (a[i - 1] == b[j - 1] ? 0 : 1)});
      diag = up;
    }
  }
  return row[b.size()];
}

bool has_unit(std::string_view s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.remove_suffix(1);
  return !s.empty() && (std::isalpha(static_cast<unsigned char>(s.back())) || s.back() == '%');
}

}  // namespace

void Errors::at(const toml::source_region& where, std::string_view message) {
  list_.push_back({where.begin.line, where.begin.column,
                   fmt::format("{}:{}:{}: {}", path_, where.begin.line, where.begin.column, message)});
}

Status Errors::status() const {
  if (list_.empty()) return {};
  std::vector<Entry> sorted = list_;
  std::stable_sort(sorted.begin(), sorted.end(), [](const Entry& a, const Entry& b) {
    return std::tie(a.line, a.column) < std::tie(b.line, b.column);
  });
  std::string out;
  for (const Entry& e : sorted) out += (out.empty() ? "" : "\n") + e.text;
  return Status::invalid_argument(std::move(out));
}

TableReader::TableReader(const toml::table& table, std::string name, const std::vector<std::string_view>& allowed,
                         Errors& errors)
    : table_(table), name_(std::move(name)), errors_(errors) {
  for (auto&& [key, value] : table_) {
    const std::string_view k = key.str();
    if (std::find(allowed.begin(), allowed.end(), k) != allowed.end()) continue;
    std::string_view best;
    std::size_t best_d = 3;
    for (std::string_view a : allowed) {
      const std::size_t d = a.starts_with(k) || k.starts_with(a) ? 1 : edit_distance(k, a);
      if (d < best_d) {
        best_d = d;
        best = a;
      }
    }
    const std::string hint = best.empty() ? fmt::format("known keys: {}", fmt::join(allowed, ", "))
                                          : fmt::format("did you mean '{}'?", best);
    errors_.at(key.source(), fmt::format("unknown key '{}' in {}; {}", k, name_, hint));
  }
}

const toml::node* TableReader::node(std::string_view key) const { return table_.get(key); }

toml::source_region TableReader::where(std::string_view key) const {
  if (const toml::node* n = node(key)) return n->source();
  return table_.source();
}

void TableReader::error(std::string_view key, std::string_view message) const {
  errors_.at(where(key), fmt::format("{}.{}: {}", name_, key, message));
}

void TableReader::error_here(std::string_view message) const {
  errors_.at(table_.source(), fmt::format("{}: {}", name_, message));
}

std::optional<std::string> TableReader::text(std::string_view key) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (const auto* s = n->as_string()) return s->get();
  error(key, "must be a quoted string");
  return std::nullopt;
}

std::optional<std::string> TableReader::raw_text(std::string_view key) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  if (const auto* s = n->as_string()) return s->get();
  if (const auto* i = n->as_integer()) return fmt::format("{}", i->get());
  if (const auto* f = n->as_floating_point()) return fmt::format("{}", f->get());
  return std::nullopt;
}

std::vector<std::string> TableReader::texts(std::string_view key) const {
  const toml::node* n = node(key);
  if (n == nullptr) return {};
  if (const auto* s = n->as_string()) return {s->get()};
  std::vector<std::string> out;
  if (const auto* a = n->as_array()) {
    for (const toml::node& e : *a) {
      if (const auto* s = e.as_string()) {
        out.push_back(s->get());
      } else {
        error(key, "must be a string or an array of strings");
        return {};
      }
    }
    if (out.empty()) error(key, "is an empty array");
    return out;
  }
  error(key, "must be a string or an array of strings");
  return {};
}

std::optional<std::int64_t> TableReader::integer(std::string_view key, std::int64_t min, std::int64_t max) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  const auto* i = n->as_integer();
  if (i == nullptr) {
    error(key, fmt::format("must be a whole number (>= {}), without quotes", min));
    return std::nullopt;
  }
  if (i->get() < min) {
    error(key, fmt::format("must be at least {}, got {}", min, i->get()));
    return std::nullopt;
  }
  if (i->get() > max) {
    error(key, fmt::format("must be at most {}, got {}", max, i->get()));
    return std::nullopt;
  }
  return i->get();
}

std::optional<double> TableReader::number(std::string_view key, double min, bool min_inclusive, double max) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  std::optional<double> v;
  if (const auto* i = n->as_integer()) v = static_cast<double>(i->get());
  if (const auto* f = n->as_floating_point()) v = f->get();
  if (const auto* s = n->as_string()) {
    auto p = parse_number(s->get());
    if (p.ok()) v = *p;
  }
  if (!v) {
    error(key, "must be a number");
    return std::nullopt;
  }
  const bool low_ok = min_inclusive ? *v >= min : *v > min;
  if (!low_ok || *v > max || !std::isfinite(*v)) {
    error(key, fmt::format("must be {} {} and at most {}, got {}", min_inclusive ? ">=" : ">", min, max, *v));
    return std::nullopt;
  }
  if (*v != 0 && std::fabs(*v) < kTiny) {
    error(key, fmt::format("is {:g}, too small to mean anything (at least {:g})", *v, kTiny));
    return std::nullopt;
  }
  return v;
}

std::optional<double> TableReader::pue(std::string_view key) const {
  const auto v = number(key, 0, false, std::numeric_limits<double>::max());
  if (!v) return std::nullopt;
  if (const Status s = check_pue(*v); !s.ok()) {
    error(key, s.message());
    return std::nullopt;
  }
  return v;
}

std::optional<std::string> TableReader::quantity_text(std::string_view key, std::string_view example) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  const auto* s = n->as_string();
  if (s == nullptr) {
    error(key, fmt::format("needs a unit: write {} = \"{}\" (a quoted string with its unit)", key, example));
    return std::nullopt;
  }
  if (!has_unit(s->get())) {
    error(key, fmt::format("'{}' has no unit; write it with one, such as \"{}\"", s->get(), example));
    return std::nullopt;
  }
  return s->get();
}

namespace {

// The largest quantity a project may name: above it a product (requests x energy per
// request) overflows, or the figure is a typo.
double magnitude_limit(Power) { return 1e12; }                        // W: 1 TW
double magnitude_limit(Energy) { return 1e12 * 3.6e6; }               // J: 1 PWh
double magnitude_limit(Duration) { return 1000.0 * 365.25 * 86400; }  // s: 1,000 years
double magnitude_limit(Emissions) { return 1e15; }                    // g: 1 Gt
double magnitude_limit(CarbonIntensity) { return 1e6; }               // g/kWh
double base_value(Duration d) { return d.count(); }
double magnitude_limit(double) { return 1e30; }                     // counts: FLOPs, tokens
double base_value(double x) { return x; }
double base_value(Power p) { return p.watts(); }
double base_value(Energy e) { return e.joules(); }
double base_value(Emissions m) { return m.grams(); }
double base_value(CarbonIntensity c) { return c.g_per_kwh(); }

}  // namespace

template <typename T>
std::optional<T> checked(const TableReader& r, std::string_view key, Result<T> v) {
  if (!v.ok()) {
    r.error(key, v.status().message());
    return std::nullopt;
  }
  const double x = base_value(*v);
  if (!std::isfinite(x) || std::fabs(x) > magnitude_limit(*v)) {
    r.error(key, "is too large: no real project reaches it (check the exponent and the unit)");
    return std::nullopt;
  }
  if (x != 0 && std::fabs(x) < kTiny) {
    r.error(key, "is too small to mean anything (check the exponent and the unit)");
    return std::nullopt;
  }
  return *v;
}

std::optional<Power> TableReader::power(std::string_view key) const {
  auto t = quantity_text(key, "400W");
  return t ? checked(*this, key, parse_power(*t)) : std::nullopt;
}

std::optional<Energy> TableReader::energy(std::string_view key) const {
  auto t = quantity_text(key, "433MWh");
  return t ? checked(*this, key, parse_energy(*t)) : std::nullopt;
}

std::optional<Duration> TableReader::duration(std::string_view key) const {
  auto t = quantity_text(key, "118d5h41m");
  return t ? checked(*this, key, parse_duration(*t)) : std::nullopt;
}

std::optional<Emissions> TableReader::emissions(std::string_view key) const {
  auto t = quantity_text(key, "2500kg");
  return t ? checked(*this, key, parse_emissions(*t)) : std::nullopt;
}

std::optional<CarbonIntensity> TableReader::intensity(std::string_view key) const {
  auto t = quantity_text(key, "57g/kWh");
  return t ? checked(*this, key, parse_intensity(*t)) : std::nullopt;
}

std::optional<double> TableReader::fraction(std::string_view key) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  std::string t;
  if (const auto* s = n->as_string()) t = s->get();
  else if (const auto* f = n->as_floating_point()) t = fmt::format("{}", f->get());
  else if (const auto* i = n->as_integer()) t = fmt::format("{}", i->get());
  else {
    error(key, "must be a share such as \"85%\" or 0.85");
    return std::nullopt;
  }
  Result<double> v = parse_fraction(t);
  if (v.ok() && *v != 0 && *v < kTiny) {
    error(key, fmt::format("is {:g}, too small to mean anything (at least {:g}%)", *v, kTiny * 100));
    return std::nullopt;
  }
  if (!v.ok()) {
    error(key, v.status().message());
    return std::nullopt;
  }
  return *v;
}

std::optional<double> TableReader::scaled_count(std::string_view key) const {
  const toml::node* n = node(key);
  if (n == nullptr) return std::nullopt;
  std::string t;
  if (const auto* s = n->as_string()) t = s->get();
  else if (const auto* f = n->as_floating_point()) t = fmt::format("{}", f->get());
  else if (const auto* i = n->as_integer()) t = fmt::format("{}", i->get());
  else {
    error(key, "must be a count such as \"176B\", \"2T\" or 3.9e23");
    return std::nullopt;
  }
  return checked(*this, key, parse_scaled_count(t));
}

Status check_toml_depth(std::string_view text, const std::string& path) {
  int line = 1;
  int brackets = 0;  // [ and { open, outside strings
  int dots = 0;      // dots of the current key or header
  std::size_t i = 0;
  const auto too_deep = [&] {
    return Status::invalid_argument(fmt::format(
        "{}:{}: keys, tables or arrays nested deeper than {} levels: a project file needs a few; flatten it",
        path, line, kMaxTomlDepth));
  };
  while (i < text.size()) {
    const char c = text[i];
    if (c == '"' || c == '\'') {
      // Basic ("...", escapes) and literal ('...') strings, single- or multi-line.
      const bool triple = text.substr(i, 3) == std::string(3, c);
      const std::size_t open = triple ? 3 : 1;
      i += open;
      while (i < text.size()) {
        if (text[i] == '\n') ++line;
        if (c == '"' && text[i] == '\\') {
          if (i + 1 < text.size() && text[i + 1] == '\n') ++line;
          i += 2;
          continue;
        }
        if (text[i] == c && (!triple || text.substr(i, 3) == std::string(3, c))) {
          i += open;
          break;
        }
        if (!triple && text[i] == '\n') break;
        ++i;
      }
      continue;
    }
    if (c == '#') {
      while (i < text.size() && text[i] != '\n') ++i;
      continue;
    }
    switch (c) {
      case '\n': ++line; dots = 0; break;
      case '[': case '{': ++brackets; dots = 0; break;
      case ']': case '}': --brackets; dots = 0; break;
      case '=': case ',': dots = 0; break;
      case '.': ++dots; break;
      default: break;
    }
    if (brackets > kMaxTomlDepth || dots > kMaxTomlDepth) return too_deep();
    ++i;
  }
  return Status::ok_status();
}

}  // namespace carbonscope::project

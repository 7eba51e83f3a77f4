// The case rule for units: an exact spelling wins; otherwise a spelling that differs
// only in case is accepted when no m/M prefix is involved, and refused, with the exact
// forms, when one is (guessing would be wrong by a factor of 10^9).
#include "core/unit_match.h"

#include <algorithm>
#include <cctype>
#include <charconv>

#include <fmt/format.h>

namespace carbonscope {
namespace {

bool same_ignoring_case(std::string_view a, std::string_view b) {
  return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
           return std::tolower(static_cast<unsigned char>(x)) == std::tolower(static_cast<unsigned char>(y));
         });
}

std::string named(const UnitSpelling& u) {
  return u.meaning.empty() ? u.name : fmt::format("{} ({})", u.name, u.meaning);
}

}  // namespace

std::size_t read_number(std::string_view s, double& out) {
  const char* first = s.data();
  const char* last = s.data() + s.size();
  if (first != last && *first == '+') return 0;
  auto [ptr, ec] = std::from_chars(first, last, out, std::chars_format::general);
  if (ec != std::errc()) return 0;
  return static_cast<std::size_t>(ptr - first);
}

Result<double> match_unit(std::string_view unit, const std::vector<UnitSpelling>& units, std::string_view text,
                          std::string_view form) {
  for (const UnitSpelling& u : units) {
    if (u.name != unit) continue;
    if (!u.refused.empty()) {
      return Status::invalid_argument(fmt::format("unit '{}' in '{}' is not accepted: {}", unit, text, u.refused));
    }
    return u.factor;
  }
  std::vector<const UnitSpelling*> like;
  bool case_matters = false;
  for (const UnitSpelling& u : units) {
    if (!same_ignoring_case(u.name, unit)) continue;
    like.push_back(&u);
    case_matters = case_matters || u.exact || !u.refused.empty();
  }
  if (like.empty()) {
    return Status::invalid_argument(fmt::format("unknown unit '{}' in '{}'; expected {}", unit, text, form));
  }
  if (!case_matters) return like.front()->factor;
  std::vector<std::string> exact;
  for (const UnitSpelling* u : like) {
    if (u->refused.empty()) exact.push_back(named(*u));
  }
  return Status::invalid_argument(fmt::format(
      "ambiguous unit '{}' in '{}': the case of m and M decides the magnitude (m is milli, M is mega), so it is not "
      "guessed; write exactly {}",
      unit, text, fmt::join(exact, " or ")));
}

}  // namespace carbonscope

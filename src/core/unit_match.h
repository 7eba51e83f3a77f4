// Matching a unit as a person typed it ("kWh", "kwh", "mW", "Mw") against a table of
// spellings, with the one rule for letter case used by every quantity parser: case is
// free, except where the letter m or M is a prefix, because its case decides the
// magnitude (m is milli, M is mega). Those spellings must be exact, else are refused.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"
#include "core/text.h"

namespace carbonscope {

struct UnitSpelling {
  std::string name;     // "mW"
  double factor = 1;    // in the parser's base unit
  bool exact = false;   // the case matters (an m/M prefix): only this exact spelling
  std::string meaning;  // "milliwatts", for messages; "" = not worth naming
  std::string refused;  // not "": a spelling recognised only to refuse it, with why
};

// A spelling whose case is free ("kWh": also "kwh", "KWH").
inline UnitSpelling free_case(std::string name, double factor) { return {std::move(name), factor, false, "", ""}; }
// A spelling with an m/M prefix: only this exact case ("mW"), else refused as ambiguous.
inline UnitSpelling exact_case(std::string name, double factor, std::string meaning) {
  return {std::move(name), factor, true, std::move(meaning), ""};
}
// A spelling recognised only to refuse it, saying why and what to write instead.
inline UnitSpelling refused_unit(std::string name, std::string why) { return {std::move(name), 0, true, "", std::move(why)}; }

// Reads the longest finite-or-not decimal number at the front of `s` ("12", "1.5", "2e3";
// no leading '+'); returns the characters consumed, 0 if none.
std::size_t read_number(std::string_view s, double& out);

// Factor of `unit` (spaces already removed) in `units`. Errors name `text` (the whole
// input) and end with `form` (what is accepted).
Result<double> match_unit(std::string_view unit, const std::vector<UnitSpelling>& units, std::string_view text,
                          std::string_view form);

}  // namespace carbonscope

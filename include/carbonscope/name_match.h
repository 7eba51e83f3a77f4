// One name matcher for every lookup (hardware, zones, regions, CPUs): exact match on a
// name or alias, then token containment, with explicit ambiguity and up to five
// "did you mean" suggestions when nothing matches: initials ("UK" -> United Kingdom) and
// name prefixes first, then the closest by edit distance.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "carbonscope/status.h"

namespace carbonscope {

// Lower-case alphanumeric tokens of `s` ("A100-SXM4-80GB" -> {"a100","sxm4","80gb"}).
std::vector<std::string> name_tokens(std::string_view s);
// Tokens joined by single spaces.
std::string normalise_name(std::string_view s);
// Levenshtein distance.
std::size_t edit_distance(std::string_view a, std::string_view b);

struct MatchEntry {
  std::string display;             // what messages show
  std::vector<std::string> names;  // canonical name first, then aliases
  int rank = 0;                    // among equally close suggestions, lower comes first (countries before states)
};

// Index into `entries` of the one entry `query` names. `what` is a noun for messages
// ("GPU"), `hint` tells where to see the full list ("carbonscope data hardware").
Result<std::size_t> match_name(std::string_view query, const std::vector<MatchEntry>& entries,
                               std::string_view what, std::string_view hint);

}  // namespace carbonscope

// The shared matcher. Ordering of the rules: an exact name beats containment, and
// containment that names one entry beats suggestions.
#include "carbonscope/name_match.h"

#include <algorithm>
#include <cctype>
#include <set>

#include <fmt/format.h>

namespace carbonscope {
namespace {

constexpr std::size_t kMaxSuggestions = 5;
constexpr std::size_t kMaxCandidates = 12;

bool contains_all(const std::vector<std::string>& have, const std::vector<std::string>& want) {
  return std::all_of(want.begin(), want.end(), [&](const std::string& w) {
    return std::find(have.begin(), have.end(), w) != have.end();
  });
}

// "uk" for "United Kingdom", "uae" for "United Arab Emirates"; "" for one-word names
// and for codes ("US-KS" has no initials: its parts are not words).
std::string initials(const std::vector<std::string>& tokens) {
  if (tokens.size() < 2) return "";
  std::string out;
  for (const std::string& t : tokens) {
    if (t == "and" || t == "of" || t == "the") continue;
    if (t.size() < 3 || !std::all_of(t.begin(), t.end(), [](char c) { return std::isalpha(static_cast<unsigned char>(c)); })) {
      return "";
    }
    out += t.front();
  }
  return out;
}

bool prefix_of_a_token(const std::string& query_token, const std::vector<std::string>& tokens) {
  if (query_token.size() < 3) return false;
  for (const std::string& t : tokens) {
    if (t.size() > query_token.size() && t.compare(0, query_token.size(), query_token) == 0) return true;
  }
  return false;
}

std::string list(const std::vector<std::string>& names) {
  std::string out;
  for (const auto& n : names) out += fmt::format("\n  {}", n);
  return out;
}

}  // namespace

std::vector<std::string> name_tokens(std::string_view s) {
  std::vector<std::string> out;
  std::string cur;
  for (char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (std::isalnum(u) || c == '.') {
      cur += static_cast<char>(std::tolower(u));
    } else if (!cur.empty()) {
      out.push_back(std::move(cur));
      cur.clear();
    }
  }
  if (!cur.empty()) out.push_back(std::move(cur));
  return out;
}

std::string normalise_name(std::string_view s) {
  std::string out;
  for (const std::string& t : name_tokens(s)) {
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

std::size_t edit_distance(std::string_view a, std::string_view b) {
  std::vector<std::size_t> prev(b.size() + 1), cur(b.size() + 1);
  for (std::size_t j = 0; j <= b.size(); ++j) prev[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    cur[0] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t sub = prev[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1);
      cur[j] = std::min({prev[j] + 1, cur[j - 1] + 1, sub});
    }
    std::swap(prev, cur);
  }
  return prev[b.size()];
}

Result<std::size_t> match_name(std::string_view query, const std::vector<MatchEntry>& entries,
                               std::string_view what, std::string_view hint) {
  const std::vector<std::string> q = name_tokens(query);
  if (q.empty()) return Status::invalid_argument(fmt::format("empty {} name", what));
  const std::string qn = normalise_name(query);

  // 1. Exact name or alias.
  std::set<std::size_t> exact;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    for (const std::string& n : entries[i].names) {
      if (normalise_name(n) == qn) exact.insert(i);
    }
  }
  if (exact.size() == 1) return *exact.begin();

  // 2. Every query token appears in one of the entry's names.
  std::vector<std::size_t> contained;
  if (exact.empty()) {
    for (std::size_t i = 0; i < entries.size(); ++i) {
      for (const std::string& n : entries[i].names) {
        if (contains_all(name_tokens(n), q)) {
          contained.push_back(i);
          break;
        }
      }
    }
    if (contained.size() == 1) return contained.front();
  } else {
    contained.assign(exact.begin(), exact.end());
  }
  if (contained.size() > 1) {
    std::vector<std::string> names;
    for (std::size_t i : contained) {
      if (names.size() == kMaxCandidates) {
        names.push_back(fmt::format("... and {} more", contained.size() - kMaxCandidates));
        break;
      }
      names.push_back(entries[i].display);
    }
    return Status::ambiguous(fmt::format("{} '{}' is ambiguous; it matches {} entries, name one of:{}", what, query,
                                         contained.size(), list(names)));
  }

  // 3. Nothing: suggest the closest names.
  // Score: the smaller of the whole-name edit distance and the mean distance of each
  // query token to its closest name token, both relative to length (0 = same). A query
  // that is a name's initials, or the start of one of its words, scores as near as an
  // exact name would, so "UK" suggests United Kingdom before Ukraine.
  std::string squeezed;
  for (const std::string& t : q) squeezed += t;
  auto rel = [](std::string_view a, std::string_view b) {
    return static_cast<double>(edit_distance(a, b)) / static_cast<double>(std::max(a.size(), b.size()));
  };
  std::vector<std::pair<double, std::size_t>> scored;
  for (std::size_t i = 0; i < entries.size(); ++i) {
    double best = 1e9;
    for (const std::string& n : entries[i].names) {
      const auto toks = name_tokens(n);
      double token_sum = 0;
      for (const auto& t : q) {
        double closest = 1;
        for (const auto& nt : toks) closest = std::min(closest, rel(t, nt));
        token_sum += closest;
      }
      best = std::min({best, rel(qn, normalise_name(n)), token_sum / static_cast<double>(q.size())});
      if (squeezed.size() >= 2 && initials(toks) == squeezed) best = 0;
      if (q.size() == 1 && prefix_of_a_token(q.front(), toks)) best = std::min(best, 0.1);
    }
    scored.emplace_back(best, i);
  }
  std::stable_sort(scored.begin(), scored.end(), [&entries](const auto& a, const auto& b) {
    if (a.first != b.first) return a.first < b.first;
    return entries[a.second].rank < entries[b.second].rank;
  });
  std::vector<std::string> suggestions;
  for (const auto& [score, i] : scored) {
    if (suggestions.size() == kMaxSuggestions || score > 0.5) break;
    suggestions.push_back(entries[i].display);
  }
  std::string msg = fmt::format("unknown {} '{}'", what, query);
  if (!suggestions.empty()) msg += fmt::format("; did you mean:{}", list(suggestions));
  msg += fmt::format("\n(see '{}' for the full list)", hint);
  return Status::not_found(msg);
}

}  // namespace carbonscope

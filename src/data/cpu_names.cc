// CPU brand strings: /proc/cpuinfo says "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz" or
// "AMD EPYC 7763 64-Core Processor"; the tables say "Intel Xeon Gold 6248". Both are
// normalised the same way, then matched exactly, then by the most specific table name
// whose tokens all appear in the brand.
#include <algorithm>

#include "carbonscope/data.h"
#include "carbonscope/name_match.h"

namespace carbonscope {

std::string normalise_cpu_name(std::string_view brand) {
  std::string s(brand);
  for (const char* mark : {"(R)", "(r)", "(TM)", "(tm)", "\xC2\xAE", "\xE2\x84\xA2"}) {
    for (std::size_t p; (p = s.find(mark)) != std::string::npos;) s.replace(p, std::string_view(mark).size(), " ");
  }
  if (const auto at = s.find('@'); at != std::string::npos) s.erase(at);
  std::string out;
  for (const std::string& t : name_tokens(s)) {
    if (t == "cpu" || t == "processor" || t == "with" || t == "radeon" || t == "graphics") continue;
    // "64-core" became "64" "core"; drop "core" after a number and the number itself.
    if (t == "core" && !out.empty()) {
      const auto sp = out.find_last_of(' ');
      const std::string last = sp == std::string::npos ? out : out.substr(sp + 1);
      if (!last.empty() && std::all_of(last.begin(), last.end(), ::isdigit)) {
        out.erase(sp == std::string::npos ? 0 : sp);
        continue;
      }
    }
    if (!out.empty()) out += ' ';
    out += t;
  }
  return out;
}

CpuMatch DataSet::match_cpu_brand(std::string_view brand) const {
  CpuMatch m;
  m.normalised = normalise_cpu_name(brand);
  if (m.normalised.empty()) return m;
  const auto brand_tokens = name_tokens(m.normalised);
  const auto in_brand = [&](std::string_view t) {
    return std::find(brand_tokens.begin(), brand_tokens.end(), t) != brand_tokens.end();
  };
  // How many words a table key has when all are in the brand and one carries a digit
  // (a bare family such as "Intel Xeon", which GCP VMs report, says nothing about the
  // TDP of the chip underneath); 0 otherwise. Walks the key without allocating.
  const auto matched_words = [&](std::string_view key) -> std::size_t {
    std::size_t count = 0;
    bool has_model = false;
    while (!key.empty()) {
      const std::size_t sp = key.find(' ');
      const std::string_view t = key.substr(0, sp);
      key = sp == std::string_view::npos ? std::string_view() : key.substr(sp + 1);
      ++count;
      if (!in_brand(t)) return 0;
      has_model = has_model || std::any_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    }
    return has_model ? count : 0;
  };
  std::size_t best_tokens = 0;
  const std::string_view text = deferred_[kCpus].text;
  if (!text.empty()) {
    // The built-in table, unparsed: its precomputed key is each line's last field
    // (keys hold only letters, digits and spaces), and only the matched line is parsed.
    // A key matches only if one of its words has a digit and every word is in the brand,
    // so a matching line holds one of the brand's words with a digit: only the lines
    // where those occur are looked at, in file order, as a scan of every line would
    // (the same first exact match, the same first of the most specific). A brand with
    // no such word ("Intel Xeon Processor", as some VMs report) matches no key.
    const std::size_t header_end = text.find('\n');
    std::vector<std::size_t> starts;  // candidate lines' first bytes
    for (const std::string& t : brand_tokens) {
      if (std::none_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; })) continue;
      for (std::size_t at = text.find(t, header_end); header_end != std::string_view::npos && at != std::string_view::npos;
           at = text.find(t, at)) {
        starts.push_back(text.rfind('\n', at) + 1);  // never npos: the header's newline is before
        at = text.find('\n', at);
        if (at == std::string_view::npos) break;
      }
    }
    std::sort(starts.begin(), starts.end());
    starts.erase(std::unique(starts.begin(), starts.end()), starts.end());
    std::string_view best;
    for (const std::size_t from : starts) {
      const std::size_t end = text.find('\n', from);
      std::string_view line = text.substr(from, end == std::string_view::npos ? end : end - from);
      if (!line.empty() && line.back() == '\r') line.remove_suffix(1);
      const std::size_t comma = line.rfind(',');
      if (comma == std::string_view::npos) continue;
      const std::string_view key = line.substr(comma + 1);
      const std::size_t count = matched_words(key);
      if (count == 0) continue;
      if (key == m.normalised) {
        best = line;
        break;
      }
      if (count > best_tokens) {
        best_tokens = count;
        best = line;
      }
    }
    if (!best.empty()) m.cpu = deferred_cpu_row(best);
    return m;
  }
  for (const Cpu& c : cpus()) {
    const std::size_t count = matched_words(c.key);
    if (count == 0) continue;
    if (c.key == m.normalised) {
      m.cpu = &c;
      return m;
    }
    if (count > best_tokens) {
      best_tokens = count;
      m.cpu = &c;
    }
  }
  return m;
}

}  // namespace carbonscope

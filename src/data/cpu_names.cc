// CPU brand strings: /proc/cpuinfo says "Intel(R) Xeon(R) Gold 6248 CPU @ 2.50GHz" or
// "AMD EPYC 7763 64-Core Processor"; the tables say "Intel Xeon Gold 6248". Both are
// normalised the same way, then matched exactly, then by the most specific table name
// whose tokens all appear in the brand.
#include <algorithm>

#include "carbonscope/data.h"
#include "data/matcher.h"

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
  std::size_t best_tokens = 0;
  for (const Cpu& c : cpus()) {
    // Walk the precomputed key's words without allocating: all must be in the brand,
    // and one must carry a digit (a bare family such as "Intel Xeon", which GCP VMs
    // report, says nothing about the TDP of the chip underneath).
    std::string_view key = c.key;
    std::size_t count = 0;
    bool all = true;
    bool has_model = false;
    while (!key.empty() && all) {
      const std::size_t sp = key.find(' ');
      const std::string_view t = key.substr(0, sp);
      key = sp == std::string_view::npos ? std::string_view() : key.substr(sp + 1);
      ++count;
      all = in_brand(t);
      has_model = has_model || std::any_of(t.begin(), t.end(), [](char ch) { return ch >= '0' && ch <= '9'; });
    }
    if (!all || !has_model || count == 0) continue;
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

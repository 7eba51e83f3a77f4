// Slurm's value forms: durations, sizes, TRES lists, timestamps, job ids and states.
#include "cluster/slurm_fields.h"

#include <array>
#include <charconv>
#include <cmath>
#include <ctime>
#include <unordered_map>

#include <fmt/format.h>

#include "core/utc_time.h"

namespace carbonscope::cluster {
namespace {

bool is_absent(std::string_view t) {
  return t.empty() || t == "UNLIMITED" || t == "Unknown" || t == "INVALID" || t == "NONE" || t == "None" ||
         t == "Partition_Limit" || t == "N/A" || t == "n/a";
}

// Digits only, into `out`; false on anything else (or nothing).
bool read_uint(std::string_view t, std::int64_t& out) {
  if (t.empty()) return false;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && p == t.data() + t.size() && out >= 0;
}

bool read_double(std::string_view t, double& out) {
  if (t.empty()) return false;
  const auto [p, ec] = std::from_chars(t.data(), t.data() + t.size(), out);
  return ec == std::errc() && p == t.data() + t.size() && std::isfinite(out) && out >= 0;
}

Status bad(std::string_view what, std::string_view text, std::string_view expected) {
  return Status::invalid_argument(fmt::format("{} '{}' is not {}", what, text, expected));
}

double unit_factor_mb(char c, double default_unit_mb, bool& ok) {
  ok = true;
  switch (c) {
    case 'K':
    case 'k':
      return 1.0 / 1024;
    case 'M':
    case 'm':
      return 1;
    case 'G':
    case 'g':
      return 1024;
    case 'T':
    case 't':
      return 1024.0 * 1024;
    case 'P':
    case 'p':
      return 1024.0 * 1024 * 1024;
    default:
      ok = false;
      return default_unit_mb;
  }
}

}  // namespace

Result<std::optional<double>> parse_duration_field(std::string_view t) {
  if (is_absent(t)) return std::optional<double>();
  std::int64_t days = 0;
  std::string_view rest = t;
  if (const auto dash = t.find('-'); dash != std::string_view::npos) {
    if (!read_uint(t.substr(0, dash), days)) return bad("duration", t, "[D-]HH:MM:SS");
    rest = t.substr(dash + 1);
  }
  double fraction = 0;
  if (const auto dot = rest.find('.'); dot != std::string_view::npos) {
    std::int64_t ms = 0;
    const std::string_view frac = rest.substr(dot + 1);
    if (!read_uint(frac, ms) || frac.size() > 9) return bad("duration", t, "[D-]HH:MM:SS[.mmm]");
    static constexpr double kPow10[] = {1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9};
    fraction = static_cast<double>(ms) / kPow10[frac.size()];
    rest = rest.substr(0, dot);
  }
  std::array<std::int64_t, 3> parts{};
  std::size_t n = 0;
  while (true) {
    const auto colon = rest.find(':');
    if (n == parts.size() || !read_uint(rest.substr(0, colon), parts[n]))
      return bad("duration", t, "[D-]HH:MM:SS");
    ++n;
    if (colon == std::string_view::npos) break;
    rest = rest.substr(colon + 1);
  }
  double s = 0;
  const bool has_days = t.find('-') != std::string_view::npos;
  if (n == 1) {
    s = has_days ? static_cast<double>(parts[0]) * 3600 : static_cast<double>(parts[0]);  // D-HH or seconds
  } else if (n == 2) {
    // MM:SS (TotalCPU below an hour), or D-HH:MM.
    s = has_days ? static_cast<double>(parts[0] * 3600 + parts[1] * 60)
                 : static_cast<double>(parts[0] * 60 + parts[1]);
  } else {
    s = static_cast<double>(parts[0] * 3600 + parts[1] * 60 + parts[2]);
  }
  return std::optional<double>(static_cast<double>(days) * 86400 + s + fraction);
}

Result<std::optional<double>> parse_size_mb(std::string_view t, double default_unit_mb) {
  if (is_absent(t)) return std::optional<double>();
  bool suffix = false;
  const double k = unit_factor_mb(t.back(), default_unit_mb, suffix);
  double v = 0;
  if (!read_double(suffix ? t.substr(0, t.size() - 1) : t, v))
    return bad("size", t, "a size such as 300M or 4G");
  return std::optional<double>(v * k);
}

Result<std::optional<double>> parse_req_mem_mb(std::string_view t, int cpus, int nodes) {
  if (is_absent(t)) return std::optional<double>();
  double per = 1;
  if (t.back() == 'c' || t.back() == 'n') {
    per = t.back() == 'c' ? std::max(cpus, 1) : std::max(nodes, 1);
    t.remove_suffix(1);
  }
  CS_ASSIGN_OR_RETURN(std::optional<double> mb, parse_size_mb(t));
  if (!mb) return bad("ReqMem", t, "a size such as 300M, 4Gc or 2Gn");
  return std::optional<double>(*mb * per);
}

Result<std::optional<double>> parse_energy_j(std::string_view t) {
  if (is_absent(t)) return std::optional<double>();
  double k = 1;
  switch (t.back()) {
    case 'K':
      k = 1e3;
      break;
    case 'M':
      k = 1e6;
      break;
    case 'G':
      k = 1e9;
      break;
    case 'T':
      k = 1e12;
      break;
    default:
      break;
  }
  double v = 0;
  if (!read_double(k == 1 ? t : t.substr(0, t.size() - 1), v))
    return bad("energy", t, "joules (825 or 1.5K)");
  return std::optional<double>(v * k);
}

Result<std::optional<std::int64_t>> parse_count_field(std::string_view t) {
  if (is_absent(t)) return std::optional<std::int64_t>();
  std::int64_t v = 0;
  if (!read_uint(t, v)) return bad("count", t, "a whole number");
  return std::optional<std::int64_t>(v);
}

Result<Tres> parse_tres(std::string_view t) {
  Tres out;
  std::int64_t typed_gpus = 0;
  while (!t.empty()) {
    const auto comma = t.find(',');
    const std::string_view item = t.substr(0, comma);
    t = comma == std::string_view::npos ? std::string_view() : t.substr(comma + 1);
    if (item.empty()) continue;
    const auto eq = item.find('=');
    if (eq == std::string_view::npos) return bad("TRES entry", item, "NAME=VALUE");
    const std::string_view key = item.substr(0, eq);
    const std::string_view value = item.substr(eq + 1);
    if (key == "cpu") {
      CS_ASSIGN_OR_RETURN(out.cpu, parse_count_field(value));
    } else if (key == "mem") {
      CS_ASSIGN_OR_RETURN(out.mem_mb, parse_size_mb(value));
    } else if (key == "node") {
      CS_ASSIGN_OR_RETURN(out.nodes, parse_count_field(value));
    } else if (key == "energy") {
      CS_ASSIGN_OR_RETURN(out.energy_j, parse_energy_j(value));
    } else if (key == "gres/gpu") {
      CS_ASSIGN_OR_RETURN(std::optional<std::int64_t> n, parse_count_field(value));
      out.gpus = n.value_or(0);
    } else if (key.substr(0, 9) == "gres/gpu:") {
      CS_ASSIGN_OR_RETURN(std::optional<std::int64_t> n, parse_count_field(value));
      typed_gpus += n.value_or(0);
      if (out.gpu_type.empty()) out.gpu_type = std::string(key.substr(9));
    }
  }
  if (out.gpus == 0) out.gpus = typed_gpus;
  return out;
}

Result<std::optional<double>> parse_timestamp(std::string_view t) {
  if (is_absent(t)) return std::optional<double>();
  // YYYY-MM-DDTHH:MM:SS
  std::int64_t y = 0, mo = 0, d = 0, h = 0, mi = 0, s = 0;
  if (t.size() != 19 || t[4] != '-' || t[7] != '-' || (t[10] != 'T' && t[10] != ' ') || t[13] != ':' ||
      t[16] != ':' || !read_uint(t.substr(0, 4), y) || !read_uint(t.substr(5, 2), mo) ||
      !read_uint(t.substr(8, 2), d) || !read_uint(t.substr(11, 2), h) || !read_uint(t.substr(14, 2), mi) ||
      !read_uint(t.substr(17, 2), s) || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 60) {
    return bad("time", t, "YYYY-MM-DDTHH:MM:SS");
  }
  // The civil date's seconds as if the time were UTC.
  const std::int64_t naive =
      days_from_civil(static_cast<int>(y), static_cast<unsigned>(mo), static_cast<unsigned>(d)) * 86400 +
      h * 3600 + mi * 60 + s;
  // The local zone's offset for that hour, from mktime once per hour seen (dumps come
  // in time order, so this is a cache hit for nearly every row).
  thread_local std::unordered_map<std::int64_t, std::int64_t> offsets;
  const std::int64_t hour = naive / 3600;
  auto it = offsets.find(hour);
  if (it == offsets.end()) {
    std::tm tm{};
    tm.tm_year = static_cast<int>(y - 1900);
    tm.tm_mon = static_cast<int>(mo - 1);
    tm.tm_mday = static_cast<int>(d);
    tm.tm_hour = static_cast<int>(h);
    tm.tm_isdst = -1;
    const std::time_t local = std::mktime(&tm);
    const std::int64_t offset = static_cast<std::int64_t>(local) - (naive - mi * 60 - s);
    if (offsets.size() > 100000) offsets.clear();
    it = offsets.emplace(hour, offset).first;
  }
  return std::optional<double>(static_cast<double>(naive + it->second));
}

Result<JobId> split_job_id(std::string_view t) {
  JobId id;
  const auto dot = t.find('.');
  id.job = t.substr(0, dot);
  if (dot != std::string_view::npos) {
    id.step = t.substr(dot + 1);
    if (id.step.empty()) return bad("JobID", t, "a job id such as 123, 123_4, 123+0 or 123.batch");
  }
  std::size_t i = 0;
  while (i < id.job.size() && id.job[i] >= '0' && id.job[i] <= '9') ++i;
  bool ok = i > 0;
  if (ok && i < id.job.size()) {
    const char sep = id.job[i];
    const std::string_view tail = id.job.substr(i + 1);
    std::int64_t n = 0;
    if (sep == '_' && !tail.empty() && tail.front() == '[') {
      ok = tail.back() == ']';  // a pending array: 123_[1-5%2]
    } else {
      ok = (sep == '_' || sep == '+') && read_uint(tail, n);
    }
  }
  if (!ok) return bad("JobID", t, "a job id such as 123, 123_4, 123+0 or 123.batch");
  return id;
}

std::string_view normalise_state(std::string_view t) {
  if (const auto sp = t.find(' '); sp != std::string_view::npos) t = t.substr(0, sp);  // "CANCELLED by 0"
  static constexpr std::pair<std::string_view, std::string_view> kShort[] = {
      {"CD", "COMPLETED"},      {"F", "FAILED"},     {"CA", "CANCELLED"}, {"TO", "TIMEOUT"},
      {"OOM", "OUT_OF_MEMORY"}, {"NF", "NODE_FAIL"}, {"PR", "PREEMPTED"}, {"BF", "BOOT_FAIL"},
      {"DL", "DEADLINE"},       {"R", "RUNNING"},    {"PD", "PENDING"},   {"RQ", "REQUEUED"},
      {"S", "SUSPENDED"},       {"RS", "RESIZING"},  {"RV", "REVOKED"},
  };
  for (const auto& [abbrev, full] : kShort) {
    if (t == abbrev) return full;
  }
  return t;
}

StateClass classify_state(std::string_view s) {
  if (s == "COMPLETED") return StateClass::kSucceeded;
  if (s == "PENDING" || s == "RUNNING" || s == "REQUEUED" || s == "SUSPENDED" || s == "RESIZING" ||
      s.empty()) {
    return StateClass::kUnfinished;
  }
  return StateClass::kWasted;
}

std::string_view state_class_name(StateClass c) {
  switch (c) {
    case StateClass::kSucceeded:
      return "succeeded";
    case StateClass::kWasted:
      return "wasted";
    case StateClass::kUnfinished:
      return "unfinished";
  }
  return "unfinished";
}

}  // namespace carbonscope::cluster

// procfs parsers and the process-tree walk.
#include "sensors/procfs.h"

#include <algorithm>
#include <charconv>
#include <map>

#include <fmt/format.h>

#include "core/text.h"

namespace carbonscope {
namespace {

// Walks the space- or tab-separated fields of one line without allocating.
class FieldCursor {
 public:
  explicit FieldCursor(std::string_view line) : line_(line) {}
  // The next field, or false at the end of the line.
  bool next(std::string_view& out) {
    while (i_ < line_.size() && (line_[i_] == ' ' || line_[i_] == '\t')) ++i_;
    const std::size_t start = i_;
    while (i_ < line_.size() && line_[i_] != ' ' && line_[i_] != '\t' && line_[i_] != '\n') ++i_;
    if (i_ == start) return false;
    out = line_.substr(start, i_ - start);
    return true;
  }

 private:
  std::string_view line_;
  std::size_t i_ = 0;
};

bool to_u64(std::string_view s, std::uint64_t& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

bool to_int(std::string_view s, int& v) {
  auto [p, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  return ec == std::errc() && p == s.data() + s.size();
}

// The "intr" and "softirq" lines list every interrupt (kilobytes on a big machine):
// jump over them to the "processes" line without splitting them into lines.
std::size_t skip_to_processes(std::string_view text, std::size_t pos) {
  const std::size_t at = text.find("\nprocesses ", pos > 0 ? pos - 1 : 0);
  return at == std::string_view::npos ? pos : at + 1;
}

}  // namespace

Result<CpuTimes> parse_proc_stat(std::string_view text) {
  CpuTimes t;
  bool found = false;
  std::size_t pos = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    const std::string_view line = text.substr(pos, nl - pos);
    pos = nl + 1;
    if (line.starts_with("processes ")) {
      t.has_forks = to_u64(trim(line.substr(10)), t.forks);
      continue;
    }
    if (!line.starts_with("cpu")) {
      if (found && line.starts_with("intr")) pos = skip_to_processes(text, pos);
      continue;
    }
    if (line.size() > 3 && line[3] != ' ') {
      ++t.cpus;
      continue;
    }
    FieldCursor f(line);
    std::string_view cell;
    f.next(cell);  // "cpu"
    std::uint64_t v[8] = {};
    int n = 0;
    while (n < 8 && f.next(cell)) {
      if (!to_u64(cell, v[n])) return Status::data_error(fmt::format("/proc/stat: bad value '{}'", cell));
      ++n;
    }
    if (n < 4) return Status::data_error("/proc/stat: short cpu line");
    // user nice system idle iowait irq softirq steal (guest is already in user).
    t.busy = v[0] + v[1] + v[2] + v[5] + v[6] + v[7];
    t.total = t.busy + v[3] + v[4];
    found = true;
  }
  if (!found) return Status::data_error("/proc/stat has no aggregate cpu line");
  if (t.cpus == 0) t.cpus = 1;
  return t;
}

Result<ProcStat> parse_pid_stat(std::string_view text) {
  // "pid (comm) S ppid ...": comm may hold spaces and parentheses, so split at the last ')'.
  const std::size_t open = text.find('(');
  const std::size_t close = text.rfind(')');
  if (open == std::string_view::npos || close == std::string_view::npos || close < open) {
    return Status::data_error("/proc/PID/stat: no (comm) field");
  }
  ProcStat s;
  if (!to_int(trim(text.substr(0, open)), s.pid)) return Status::data_error("/proc/PID/stat: bad pid");
  // After comm: [0]=state [1]=ppid ... [11]=utime [12]=stime [13]=cutime [14]=cstime ...
  // [17]=num_threads ... [21]=rss
  std::string_view f[22];
  FieldCursor cursor(text.substr(close + 1));
  int n = 0;
  while (n < 22 && cursor.next(f[n])) ++n;
  if (n < 22) return Status::data_error("/proc/PID/stat: too few fields");
  s.state = f[0].empty() ? '?' : f[0][0];
  if (!to_int(f[1], s.ppid)) return Status::data_error("/proc/PID/stat: bad ppid");
  std::uint64_t t[4];
  for (int i = 0; i < 4; ++i) {
    if (!to_u64(f[11 + i], t[i])) return Status::data_error("/proc/PID/stat: bad cpu time");
  }
  s.cpu_ticks = t[0] + t[1] + t[2] + t[3];
  if (!to_int(f[17], s.num_threads)) s.num_threads = 0;
  std::int64_t rss = 0;
  auto [p, ec] = std::from_chars(f[21].data(), f[21].data() + f[21].size(), rss);
  if (ec != std::errc()) return Status::data_error("/proc/PID/stat: bad rss");
  s.rss_pages = rss > 0 ? static_cast<std::uint64_t>(rss) : 0;
  return s;
}

Result<std::uint64_t> parse_mem_total(std::string_view text) {
  const std::size_t at = text.find("MemTotal:");
  if (at == std::string_view::npos) return Status::data_error("/proc/meminfo has no MemTotal");
  FieldCursor f(text.substr(at + 9));
  std::string_view first;
  std::uint64_t kb = 0;
  if (!f.next(first) || !to_u64(first, kb)) return Status::data_error("/proc/meminfo: bad MemTotal");
  return kb * 1024;
}

std::string parse_cpu_brand(std::string_view text) {
  for (std::string_view key : {"model name", "Model", "Hardware"}) {
    std::size_t pos = 0;
    while ((pos = text.find(key, pos)) != std::string_view::npos) {
      const bool at_line_start = pos == 0 || text[pos - 1] == '\n';
      const std::size_t nl = std::min(text.find('\n', pos), text.size());
      const std::string_view line = text.substr(pos, nl - pos);
      const std::size_t colon = line.find(':');
      if (at_line_start && colon != std::string_view::npos && trim(line.substr(key.size(), colon - key.size())).empty()) {
        return std::string(trim(line.substr(colon + 1)));
      }
      pos = nl;
    }
  }
  return "";
}

void parse_pid_list(std::string_view text, std::vector<int>& out) {
  std::size_t i = 0;
  while (i < text.size()) {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\n')) ++i;
    const std::size_t start = i;
    while (i < text.size() && text[i] != ' ' && text[i] != '\t' && text[i] != '\n') ++i;
    int pid = 0;
    if (i > start && to_int(text.substr(start, i - start), pid)) out.push_back(pid);
  }
}

Result<std::uint64_t> parse_statm_resident(std::string_view text) {
  FieldCursor f(text);
  std::string_view size, resident;
  std::uint64_t pages = 0;
  if (!f.next(size) || !f.next(resident) || !to_u64(resident, pages)) {
    return Status::data_error("/proc/PID/statm: no resident field");
  }
  return pages;
}

bool parse_cgroup_usage_usec(std::string_view text, std::uint64_t& usec) {
  constexpr std::string_view key = "usage_usec ";
  const std::size_t at = text.starts_with(key) ? 0 : text.find("\nusage_usec ");
  if (at == std::string_view::npos) return false;
  const char* p = text.data() + at + (at == 0 ? key.size() : key.size() + 1);
  const auto [end, ec] = std::from_chars(p, text.data() + text.size(), usec);
  return ec == std::errc() && end != p;
}

bool has_children_files(const FileReader& reader, int pid) {
  return reader.exists(fmt::format("/proc/{}/task/{}/children", pid, pid));
}

std::vector<int> scan_process_tree(const FileReader& reader, int root_pid) {
  std::map<int, int> parent;
  auto names = reader.list("/proc");
  if (names.ok()) {
    for (const std::string& n : *names) {
      int pid = 0;
      if (!to_int(n, pid)) continue;
      auto text = reader.read(fmt::format("/proc/{}/stat", pid));
      if (!text.ok()) continue;
      auto st = parse_pid_stat(*text);
      if (st.ok()) parent[pid] = st->ppid;
    }
  }
  std::vector<int> out;
  for (const auto& [pid, ppid] : parent) {
    int p = pid;
    for (int depth = 0; depth < 256 && p > 0; ++depth) {
      if (p == root_pid) {
        if (pid != root_pid) out.push_back(pid);
        break;
      }
      const auto it = parent.find(p);
      if (it == parent.end()) break;
      p = it->second;
    }
  }
  return out;
}

namespace {

void add_children(const FileReader& reader, int pid, std::vector<int>& out) {
  auto tasks = reader.list(fmt::format("/proc/{}/task", pid));
  if (!tasks.ok()) return;
  for (const std::string& tid : *tasks) {
    auto text = reader.read(fmt::format("/proc/{}/task/{}/children", pid, tid));
    if (text.ok()) parse_pid_list(*text, out);
  }
}

}  // namespace

Result<TreeUsage> read_process_tree(const FileReader& reader, int root_pid, long page_size) {
  TreeUsage u;
  std::vector<int> pending = {root_pid};
  if (!has_children_files(reader, root_pid)) {
    const std::vector<int> rest = scan_process_tree(reader, root_pid);
    pending.insert(pending.end(), rest.begin(), rest.end());
  }
  const bool walk = pending.size() == 1;
  std::size_t next = 0;
  while (next < pending.size() && pending.size() < 100000) {
    const int pid = pending[next++];
    auto text = reader.read(fmt::format("/proc/{}/stat", pid));
    if (!text.ok()) {
      if (pid == root_pid) return text.status();
      continue;  // exited between the listing and the read
    }
    auto st = parse_pid_stat(*text);
    if (!st.ok()) continue;
    u.cpu_ticks += st->cpu_ticks;
    u.rss_bytes += st->rss_pages * static_cast<std::uint64_t>(page_size);
    u.pids.push_back(pid);
    if (walk) add_children(reader, pid, pending);
  }
  std::sort(u.pids.begin(), u.pids.end());
  return u;
}

}  // namespace carbonscope

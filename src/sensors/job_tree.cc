// The job's usage through its cgroup or its /proc tree, on kept descriptors.
#include "sensors/job_tree.h"

#include <algorithm>
#include <charconv>

#include <fmt/format.h>

#include "sensors/procfs.h"

namespace carbonscope {
namespace {

constexpr std::size_t kMaxTreeSize = 100000;

}  // namespace

JobTree::JobTree(const FileReader& reader, int root_pid, long page_size, long ticks_per_second,
                 std::string cgroup)
    : reader_(reader),
      root_pid_(root_pid),
      page_size_(page_size),
      ticks_per_usec_(static_cast<double>(ticks_per_second) / 1e6),
      cgroup_(std::move(cgroup)) {
  if (cgroup_.empty()) children_files_ = has_children_files(reader_, root_pid_);
}

std::string JobTree::description() const {
  if (!cgroup_.empty()) {
    return fmt::format("job CPU time from its cgroup ({}/cpu.stat, the whole tree in one read)",
                       reader_.resolve(cgroup_));
  }
  return fmt::format("job CPU time from the /proc tree of process {} ({})", root_pid_,
                     children_files_ ? "task children files" : "a scan of /proc");
}

Result<JobUsage> JobTree::read(std::optional<std::uint64_t> forks, std::optional<Duration> now) {
  now_ = now;
  return cgroup_.empty() ? read_procfs(forks) : read_cgroup(forks);
}

Result<JobUsage> JobTree::read_cgroup(std::optional<std::uint64_t> forks) {
  if (!cpu_stat_) {
    CS_ASSIGN_OR_RETURN(OpenFile f, OpenFile::open(reader_, cgroup_ + "/cpu.stat"));
    cpu_stat_.emplace(std::move(f));
    CS_ASSIGN_OR_RETURN(OpenFile p, OpenFile::open(reader_, cgroup_ + "/cgroup.procs"));
    cgroup_procs_.emplace(std::move(p));
  }
  JobUsage u;
  CS_ASSIGN_OR_RETURN(std::string_view stat, cpu_stat_->read());
  std::uint64_t usec = 0;
  if (!parse_cgroup_usage_usec(stat, usec))
    return Status::data_error(fmt::format("{} has no usage_usec", cpu_stat_->path()));
  u.cpu_ticks = static_cast<double>(usec) * ticks_per_usec_;
  // Members only join by being created in the cgroup (or moved there by hand): without
  // a fork on the machine, the list is the one read last time, less exited members,
  // whose memory read fails below.
  bool members_changed = false;
  if (!walked_ || !forks || !walked_at_forks_ || *forks != *walked_at_forks_ || gone_) {
    walked_ = true;
    walked_at_forks_ = forks;
    gone_ = false;
    CS_ASSIGN_OR_RETURN(std::string_view procs, cgroup_procs_->read());
    found_.clear();
    parse_pid_list(procs, found_);
    std::sort(found_.begin(), found_.end());
    members_changed = found_ != pids_;
  }
  if (members_changed) {
    std::vector<Proc> next;
    for (int pid : found_) proc_for(pid, next);
    procs_ = std::move(next);
    pids_ = found_;  // members whose statm could not be opened still belong to the job
  }
  // Memory: every member each sample while there are at most kMemoryReadsPerSample;
  // in a bigger tree that many a sample, round robin, plus any member not read yet, so
  // a sample's cost stops growing with the tree and each member's figure is at most
  // ceil(members / kMemoryReadsPerSample) samples old (CPU time stays exact).
  const std::size_t n = procs_.size();
  const std::size_t budget = std::min(n, kMemoryReadsPerSample);
  for (std::size_t k = 0; k < n; ++k) {
    Proc& p = procs_[(memory_cursor_ + k) % n];
    if (k < budget || !p.rss_bytes) {
      auto text = p.stat->read();
      if (!text.ok()) {
        gone_ = true;  // exited: read cgroup.procs again next time
        p.rss_bytes = 0;
      } else {
        const auto pages = parse_statm_resident(*text);
        p.rss_bytes = pages.ok() ? *pages * static_cast<std::uint64_t>(page_size_) : 0;
      }
    }
    u.rss_bytes += *p.rss_bytes;
  }
  memory_cursor_ = n == 0 ? 0 : (memory_cursor_ + budget) % n;
  return u;
}

Result<JobUsage> JobTree::read_procfs(std::optional<std::uint64_t> forks) {
  // Nothing was created on the machine since the last walk: the tree can only have lost
  // processes, which a failed read or a lower thread count shows.
  if (!walked_ || !forks || !walked_at_forks_ || *forks != *walked_at_forks_) {
    walked_at_forks_ = forks;
    return walk();
  }
  JobUsage u;
  for (Proc& p : procs_) {
    auto text = p.stat->read();
    if (!text.ok()) return walk();
    auto st = parse_pid_stat(*text);
    if (!st.ok() || (children_files_ && st->num_threads != p.threads)) return walk();
    u.cpu_ticks += static_cast<double>(st->cpu_ticks);
    u.rss_bytes += st->rss_pages * static_cast<std::uint64_t>(page_size_);
  }
  return u;
}

JobTree::Proc* JobTree::proc_for(int pid, std::vector<Proc>& next) {
  const auto it = std::find_if(procs_.begin(), procs_.end(), [pid](const Proc& p) { return p.pid == pid; });
  if (it != procs_.end() && it->stat) {
    next.push_back(std::move(*it));
    it->stat.reset();  // moved; never matched again
    it->pid = -1;
    return &next.back();
  }
  const char* file = cgroup_.empty() ? "stat" : "statm";
  auto f = OpenFile::open(reader_, fmt::format("/proc/{}/{}", pid, file));
  if (!f.ok()) return nullptr;
  Proc p;
  p.pid = pid;
  p.stat.emplace(std::move(f).value());
  next.push_back(std::move(p));
  return &next.back();
}

void JobTree::list_tasks(Proc& p) {
  auto names = reader_.list(fmt::format("/proc/{}/task", p.pid));
  std::vector<Task> tasks;
  if (names.ok()) {
    for (const std::string& name : *names) {
      int tid = 0;
      const auto [end, ec] = std::from_chars(name.data(), name.data() + name.size(), tid);
      if (ec != std::errc() || end != name.data() + name.size()) continue;
      const auto known =
          std::find_if(p.tasks.begin(), p.tasks.end(), [tid](const Task& t) { return t.tid == tid; });
      if (known != p.tasks.end()) {
        tasks.push_back(std::move(*known));
        continue;
      }
      Task t;
      t.tid = tid;
      if (auto f = OpenFile::open(reader_, fmt::format("/proc/{}/task/{}/children", p.pid, tid)); f.ok()) {
        t.children.emplace(std::move(f).value());
      }
      tasks.push_back(std::move(t));
    }
  }
  p.tasks = std::move(tasks);
}

Result<JobUsage> JobTree::walk() {
  ++walks_;
  walked_ = true;
  JobUsage u;
  std::vector<Proc>& next = next_;  // kept between walks: no allocation once it has grown
  next.clear();
  found_.assign(1, root_pid_);
  if (!children_files_) {
    const std::vector<int> rest = scan_process_tree(reader_, root_pid_);
    found_.insert(found_.end(), rest.begin(), rest.end());
  }
  for (std::size_t i = 0; i < found_.size() && found_.size() < kMaxTreeSize; ++i) {
    const int pid = found_[i];
    Proc* p = proc_for(pid, next);
    Result<std::string_view> text =
        p != nullptr ? p->stat->read() : Result<std::string_view>(Status::not_found(""));
    if (!text.ok()) {
      if (p != nullptr) next.pop_back();
      if (pid == root_pid_) {
        procs_.clear();
        pids_.clear();
        walked_ = false;
        return Status::not_found(fmt::format("process {} has gone", root_pid_));
      }
      continue;  // exited between the listing and the read
    }
    auto st = parse_pid_stat(*text);
    if (!st.ok()) {
      next.pop_back();
      continue;
    }
    u.cpu_ticks += static_cast<double>(st->cpu_ticks);
    u.rss_bytes += st->rss_pages * static_cast<std::uint64_t>(page_size_);
    if (!children_files_) continue;
    // A walk means something was created: the kept tasks' children files are read
    // again; the task list too when the thread count changed or the list is old (a
    // thread can replace another without changing the count), keeping the
    // descriptors of known tasks.
    Proc& kept = next.back();
    if (!tasks_current(kept, st->num_threads)) {
      list_tasks(kept);
      kept.threads = st->num_threads;
      kept.listed_at = now_;
    }
    for (Task& t : kept.tasks) {
      if (!t.children) continue;
      if (auto c = t.children->read(); c.ok()) parse_pid_list(*c, found_);
    }
  }
  std::swap(procs_, next);
  rebuild_pids();
  return u;
}

bool JobTree::tasks_current(const Proc& p, int threads) const {
  return p.threads == threads && p.listed_at && now_ && *now_ - *p.listed_at < kRelistAfter;
}

void JobTree::rebuild_pids() {
  pids_.clear();
  for (const Proc& p : procs_) pids_.push_back(p.pid);
  std::sort(pids_.begin(), pids_.end());
}

}  // namespace carbonscope

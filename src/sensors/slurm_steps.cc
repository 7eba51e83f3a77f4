// Finding Slurm's step cgroups and reading their CPU time on kept descriptors.
#include "sensors/slurm_steps.h"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>

#include <fmt/format.h>

#include "sensors/procfs.h"

namespace carbonscope {
namespace {

constexpr std::string_view kScope = "slurmstepd.scope";

bool all_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// "job_123" -> "123"; "" when `name` is not PREFIX followed by digits.
std::string_view numbered(std::string_view name, std::string_view prefix) {
  if (!name.starts_with(prefix) || !all_digits(name.substr(prefix.size()))) return {};
  return name.substr(prefix.size());
}

}  // namespace

SlurmSteps::SlurmSteps(const FileReader& reader, std::string mount, int rescan_every)
    : reader_(reader), mount_(std::move(mount)), rescan_every_(std::max(1, rescan_every)) {}

const char* SlurmSteps::layout() const {
  return layout_ == 2 ? "cgroup v2" : layout_ == 1 ? "cgroup v1" : "none";
}

std::string SlurmSteps::description() const {
  if (layout_ == 0) {
    return fmt::format("no Slurm step cgroups under {} (system.slice/*slurmstepd.scope for cgroup v2, "
                       "cpuacct/slurm* for v1) yet: Slurm's proctrack/cgroup or task/cgroup plugin makes them; the "
                       "step series appear when it does",
                       reader_.resolve(mount_));
  }
  return fmt::format("Slurm steps from their {} CPU time under {} ({} running)", layout(),
                     reader_.resolve(mount_), steps_.size());
}

SlurmSteps::~SlurmSteps() { close_watched(); }

void SlurmSteps::close_watched() {
  for (int fd : watched_) ::close(fd);
  watched_.clear();
}

std::vector<std::string> SlurmSteps::list_watched(const std::string& dir) {
  auto names = reader_.list(dir);
  if (!names.ok()) return {};
  // Kept open: the link count is then an fstat, without a walk of the path.
  const int fd = ::open(reader_.resolve(dir).c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd >= 0) watched_.push_back(fd);
  return std::move(names).value();
}

std::uint64_t SlurmSteps::link_sum() const {
  // A directory that went away reads 0 links (or fails): its parent's count moves too.
  std::uint64_t sum = 0;
  struct stat st {};
  for (int fd : watched_) sum += ::fstat(fd, &st) == 0 ? st.st_nlink : (1u << 20);
  return sum;
}

void SlurmSteps::add_steps(const std::string& job_dir, std::string_view file, std::string_view job_id,
                           std::string_view uid, std::string_view slurmd, std::vector<Found>& found) {
  for (const std::string& step : list_watched(job_dir)) {
    if (!step.starts_with("step_") || step.size() == 5) continue;
    Found f{fmt::format("{}/{}/{}", job_dir, step, file), {}};
    f.step.job_id = job_id;
    f.step.step_id = step.substr(5);
    f.step.uid = uid;
    f.step.slurmd = slurmd;
    found.push_back(std::move(f));
  }
}

void SlurmSteps::scan_v2(std::vector<Found>& found) {
  for (const std::string& scope : list_watched(mount_ + "/system.slice")) {
    std::string_view prefix = scope;
    if (!prefix.ends_with(kScope)) continue;
    prefix.remove_suffix(kScope.size());
    if (!prefix.empty() && !prefix.ends_with('_')) continue;
    if (!prefix.empty()) prefix.remove_suffix(1);
    roots_v2_ = true;
    const std::string scope_dir = fmt::format("{}/system.slice/{}", mount_, scope);
    for (const std::string& job : list_watched(scope_dir)) {
      const std::string_view id = numbered(job, "job_");
      if (id.empty()) continue;
      add_steps(scope_dir + "/" + job, "cpu.stat", id, "", prefix, found);
    }
  }
}

void SlurmSteps::scan_v1(std::vector<Found>& found) {
  const std::string base = mount_ + "/cpuacct";
  for (const std::string& root : list_watched(base)) {
    if (root != "slurm" && !root.starts_with("slurm_")) continue;
    roots_v1_ = true;
    const std::string root_dir = base + "/" + root;
    for (const std::string& user : list_watched(root_dir)) {
      const std::string_view uid = numbered(user, "uid_");
      if (uid.empty()) continue;
      const std::string user_dir = root_dir + "/" + user;
      for (const std::string& job : list_watched(user_dir)) {
        const std::string_view id = numbered(job, "job_");
        if (id.empty()) continue;
        add_steps(user_dir + "/" + job, "cpuacct.usage", id, uid,
                  root.size() > 6 ? std::string_view(root).substr(6) : std::string_view(), found);
      }
    }
  }
}

void SlurmSteps::scan(bool fresh) {
  close_watched();
  std::vector<Found> found;
  roots_v2_ = roots_v1_ = false;
  scan_v2(found);
  scan_v1(found);
  layout_ = roots_v2_ ? 2 : roots_v1_ ? 1 : 0;
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.dir < b.dir; });
  const auto at = [&](const std::string& dir) {
    auto it = std::lower_bound(found.begin(), found.end(), dir,
                               [](const Found& f, const std::string& d) { return f.dir < d; });
    return it != found.end() && it->dir == dir ? it : found.end();
  };
  // Kept steps keep their order, descriptors and ids; the others go.
  std::vector<bool> known(found.size(), false);
  std::size_t out = 0;
  for (std::size_t i = 0; i < steps_.size(); ++i) {
    auto it = at(dirs_[i]);
    if (it == found.end()) continue;
    known[static_cast<std::size_t>(it - found.begin())] = true;
    if (out != i) {
      steps_[out] = std::move(steps_[i]);
      dirs_[out] = std::move(dirs_[i]);
      files_[out] = std::move(files_[i]);
    }
    steps_[out].born_in_interval = false;
    ++out;
  }
  steps_.resize(out);
  dirs_.resize(out);
  files_.erase(files_.begin() + static_cast<std::ptrdiff_t>(out), files_.end());
  for (std::size_t j = 0; j < found.size(); ++j) {
    if (known[j]) continue;
    auto file = OpenFile::open(reader_, found[j].dir);
    if (!file.ok()) continue;  // gone already, or not readable by this user
    found[j].step.id = next_id_++;
    found[j].step.born_in_interval = fresh;
    steps_.push_back(std::move(found[j].step));
    dirs_.push_back(std::move(found[j].dir));
    files_.push_back(std::move(file).value());
  }
  links_ = link_sum();
  reads_since_scan_ = 0;
  ++scans_;
}

bool SlurmSteps::read_step(std::size_t i) {
  OpenFile& f = files_[i];
  if (f.path().ends_with("/cpu.stat")) {
    auto text = f.read();
    std::uint64_t usec = 0;
    if (!text.ok() || !parse_cgroup_usage_usec(*text, usec)) return false;
    steps_[i].cpu_seconds = static_cast<double>(usec) / 1e6;
  } else {
    auto ns = f.read_u64();
    if (!ns.ok()) return false;
    steps_[i].cpu_seconds = static_cast<double>(*ns) / 1e9;
  }
  return true;
}

void SlurmSteps::read() {
  ++reads_since_scan_;
  // A change seen now happened since the last read: steps found by it were born in
  // the interval. The periodic scan catches a change the link count missed (one step
  // gone and one made in the same directory): the age of what it finds is unknown.
  const bool changed = scans_ > 0 && link_sum() != links_;
  if (scans_ == 0 || changed || reads_since_scan_ >= rescan_every_) {
    scan(changed);
  } else {
    for (SlurmStep& s : steps_) s.born_in_interval = false;
  }
  for (int pass = 0; pass < 2; ++pass) {
    bool gone = false;
    for (std::size_t i = 0; i < steps_.size(); ++i) gone |= !read_step(i);
    if (!gone) break;
    scan(true);  // drops the gone steps, finds any that replaced them
  }
}

}  // namespace carbonscope

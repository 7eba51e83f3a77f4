// The sampling loop.
#include "sampler/sampler.h"

#include <algorithm>

#include "platform/system_info.h"

namespace carbonscope {

Sampler::Sampler(SamplerConfig config, std::vector<Sensor*> sensors, Consumer consumer)
    : config_(std::move(config)),
      clock_(config_.clock != nullptr ? config_.clock : &system_clock()),
      sensors_(std::move(sensors)),
      consumer_(std::move(consumer)),
      proc_(config_.proc_root) {
  config_.interval = std::max(config_.interval, kMinInterval);
  std::size_t n = 0;
  for (Sensor* s : sensors_) n += s->domains().size();
  sample_.readings.resize(n);
  sample_.sensor_status.resize(sensors_.size());
  failures_.assign(sensors_.size(), 0);
  auto meminfo = proc_.read_static("/proc/meminfo");
  if (meminfo.ok()) mem_total_ = static_cast<double>(parse_mem_total(*meminfo).value_or(0));
  if (config_.pid && *config_.pid > 0) {
    job_tree_.emplace(proc_, *config_.pid, page_size_bytes(), clock_ticks_per_second(), config_.job_cgroup);
  }
}

std::string Sampler::job_method() const { return job_tree_ ? job_tree_->description() : ""; }

Sampler::~Sampler() { stop(); }

void Sampler::detach_job() { job_detached_ = true; }

void Sampler::read_context(Sample& s) {
  SampleContext& c = s.ctx;
  c = SampleContext{};
  c.mem_total_bytes = mem_total_;
  c.job_mode = config_.pid.has_value();
  s.job_busy_share = s.job_capacity_share = s.job_memory_share = 0;
  std::optional<CpuTimes> now;
  if (!proc_stat_) {
    if (auto f = OpenFile::open(proc_, "/proc/stat"); f.ok()) proc_stat_.emplace(std::move(f).value());
  }
  if (proc_stat_) {
    if (auto text = proc_stat_->read(); text.ok()) {
      if (auto t = parse_proc_stat(*text); t.ok()) now = *t;
    } else {
      proc_stat_.reset();
    }
  }
  std::uint64_t d_busy = 0, d_total = 0;
  // /proc/stat counts in clock ticks (10 ms): a sample taken a few milliseconds after
  // the last one (a phase boundary) often sees no tick at all. That says nothing about
  // the load, so such an interval keeps the last utilisation and job shares instead of
  // reading as idle, and its ticks are counted in the next interval.
  const bool no_tick = now && prev_cpu_ && now->total == prev_cpu_->total;
  if (now && prev_cpu_ && now->total > prev_cpu_->total && now->busy >= prev_cpu_->busy) {
    d_busy = now->busy - prev_cpu_->busy;
    d_total = now->total - prev_cpu_->total;
    c.node_utilisation = static_cast<double>(d_busy) / static_cast<double>(d_total);
    last_utilisation_ = c.node_utilisation;
  } else if (no_tick) {
    c.node_utilisation = last_utilisation_;
  }
  if (now) prev_cpu_ = now;
  if (!c.job_mode) {
    s.job_busy_share = s.job_capacity_share = s.job_memory_share = 1;
    return;
  }
  if (!job_detached_ && job_tree_) {
    auto tree = job_tree_->read(now && now->has_forks ? std::optional<std::uint64_t>(now->forks) : std::nullopt,
                                clock_->now());
    if (tree.ok()) {
      c.job_pids = job_tree_->pids();
      c.job_rss_bytes = static_cast<double>(tree->rss_bytes);
      if (no_tick && job_seen_) {
        s.job_busy_share = last_busy_share_;
        s.job_capacity_share = last_capacity_share_;
      } else {
        // A process starts from zero CPU time, so the first reading is all the job's.
        const double d_job = tree->cpu_ticks >= prev_job_ticks_ ? tree->cpu_ticks - prev_job_ticks_ : 0;
        prev_job_ticks_ = tree->cpu_ticks;
        if (job_seen_ && d_total > 0) {
          s.job_busy_share = d_busy > 0 ? d_job / static_cast<double>(d_busy) : 0;
          s.job_capacity_share = d_job / static_cast<double>(d_total);
        }
        last_busy_share_ = s.job_busy_share;
        last_capacity_share_ = s.job_capacity_share;
        job_seen_ = true;
      }
    }
  }
  if (mem_total_ > 0) s.job_memory_share = c.job_rss_bytes / mem_total_;
  c.job_cpu_share = s.job_capacity_share;
}

void Sampler::sample_now() {
  std::lock_guard<std::mutex> lock(sample_mu_);
  Sample& s = sample_;
  read_context(s);
  std::size_t base = 0;
  for (std::size_t i = 0; i < sensors_.size(); ++i) {
    const std::size_t n = sensors_[i]->domains().size();
    std::span<DomainReading> out(s.readings.data() + base, n);
    if (failures_[i] >= kMaxConsecutiveFailures) {
      for (DomainReading& r : out) r.ok = false;  // given up: keep the last status
    } else {
      for (DomainReading& r : out) r = DomainReading{};
      s.sensor_status[i] = sensors_[i]->read(s.ctx, out);
      const bool all_failed = std::none_of(out.begin(), out.end(), [](const DomainReading& r) { return r.ok; });
      failures_[i] = all_failed ? failures_[i] + 1 : 0;
    }
    base += n;
  }
  s.t = clock_->now();
  s.unix_time = clock_->unix_seconds();
  consumer_(s);
}

void Sampler::start() {
  std::lock_guard<std::mutex> lock(wake_mu_);
  if (thread_.joinable()) return;
  stopping_ = false;
  thread_ = std::thread([this] { loop(); });
}

void Sampler::stop() {
  {
    std::lock_guard<std::mutex> lock(wake_mu_);
    stopping_ = true;
  }
  wake_.notify_all();
  if (thread_.joinable()) thread_.join();
}

void Sampler::loop() {
  Duration next = clock_->now() + config_.interval;
  std::unique_lock<std::mutex> lock(wake_mu_);
  const std::function<bool()> stopping = [this] { return stopping_; };
  for (;;) {
    // Through the clock: a fake one lets a test run many ticks without sleeping.
    if (clock_->wait_until(next, lock, wake_, stopping)) return;
    lock.unlock();
    sample_now();
    lock.lock();
    next += config_.interval;
    const Duration now = clock_->now();
    if (next < now) next = now + config_.interval;  // fell behind: skip, never burst
  }
}

}  // namespace carbonscope

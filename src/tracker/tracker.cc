// Tracker: sensors -> sampler -> accumulator -> power series -> the run's sinks
// (RunOutputs: samples.csv, run.json, report.json, emissions.csv, the ledger, requests.csv).
#include "carbonscope/tracker.h"

#include <atomic>
#include <mutex>
#include <system_error>
#include <thread>

#include <fmt/format.h>

#include "carbonscope/clock.h"
#include "carbonscope/run_filter.h"
#include "carbonscope/utf8.h"
#include "platform/system_info.h"
#include "sampler/accumulator.h"
#include "sampler/sampler.h"
#include "sinks/run_files.h"
#include "tracker/power_series.h"
#include "tracker/report_builder.h"
#include "tracker/request_log.h"
#include "tracker/run_finish.h"
#include "tracker/sensor_setup.h"

namespace carbonscope {

// The tracker behind the public interface: its state and the sampler's callback.
class RunTracker final : public Tracker {
 public:
  explicit RunTracker(TrackerConfig c) : config(std::move(c)) {}
  ~RunTracker() override;

  Status start() override;
  Result<Report> stop(std::optional<int> exit_code) override;
  const Status& ledger_status() const override;
  bool ledger_queued() const override;
  bool ledger_pending() const override;
  bool ledger_written() const override;
  void wait_ledger() const override;
  const Status& files_status() const override;
  void sample_now() override;
  void detach_job() override;
  void add_requests(double requests, double input_tokens, double output_tokens) override;
  void begin_request_fit() override;
  Status begin_phase(std::string name) override;
  Result<PhaseResult> end_phase() override;
  std::vector<PhaseResult> phases() const override;
  Snapshot snapshot() const override;
  const std::string& run_id() const override;
  std::string run_dir() const override;
  std::vector<std::string> sensor_lines() const override;


  void on_sample(const Sample& s);
  Snapshot snapshot_locked() const;
  RunInfo run_info() const;
  Status write_start_record();
  // requests.csv's rows, for its sink (RunPaths::request_intervals).
  std::function<std::vector<RequestInterval>()> request_intervals() {
    return [this] { return request_log.intervals(); };
  }

  TrackerConfig config;
  SensorSet set;
  std::vector<const Sensor*> sensors;
  std::unique_ptr<Accumulator> acc;
  std::unique_ptr<Sampler> sampler;
  std::unique_ptr<RunOutputs> outputs;  // the run's sinks, from start() on
  std::vector<std::size_t> columns;
  std::vector<std::string> keys;
  std::unique_ptr<PowerSeries> series;
  RequestLog request_log;
  PowerPoint point;  // the latest, reused every sample
  std::vector<Energy> job_e, machine_e;  // per column, cumulative (scratch)
  std::vector<double> watts, joules;
  std::vector<Power> last_power;  // per column, the job's, at the latest point
  bool final_sample = false;  // the next sample is stop()'s last one
  mutable std::mutex mu;
  std::string id;
  std::string dir;
  double start_unix = 0;
  struct OpenPhase {
    std::string name;
    Duration t;
    Energy e;
  };
  std::vector<OpenPhase> open;
  std::vector<PhaseResult> done;
  bool started = false;
  bool stopped = false;
  Status write_error;
  Status ledger_error;
  bool queued_for_ledger = false;
  int lock_fd = -1;  // the run directory's lock (tracker/run_finish.h), held until recorded
  // The ledger write of TrackerConfig::background_ledger: it sets ledger_error,
  // queued_for_ledger and releases lock_fd; joined (once) by wait_ledger().
  mutable std::thread ledger_thread;
  std::atomic<bool> ledger_thread_done{false};  // the thread has finished
};

namespace {

Emissions emissions_at(const TrackerConfig& c, Energy e) { return emissions_of(e, c.pue, c.intensity); }

}  // namespace

void RunTracker::on_sample(const Sample& s) {
  std::function<void(const Snapshot&)> callback;
  Snapshot snap;
  {
    std::lock_guard<std::mutex> lock(mu);
    acc->add(s);
    request_log.on_sample(acc->elapsed().count(), acc->total().joules());
    for (std::size_t k = 0; k < columns.size(); ++k) {
      const DomainTotals& t = acc->domains()[columns[k]];
      job_e[k] = t.job;
      machine_e[k] = t.counted ? t.machine : Energy{};
    }
    // One row per point of the series: every power column is the job's, over the same
    // window; samples closer than half an interval are merged into the next row.
    const bool is_point = series->add(acc->elapsed(), job_e, machine_e, final_sample, point);
    if (is_point) last_power = point.job;
    if (is_point && outputs && outputs->wants_points()) {
      for (std::size_t k = 0; k < columns.size(); ++k) {
        watts[k] = point.job[k].watts();
        joules[k] = job_e[k].joules();
      }
      const Energy e = acc->total();
      const SeriesPoint p{acc->elapsed().count(), s.unix_time, point.job_total.watts(), e.joules(),
                          emissions_at(config, e).grams(), s.ctx.node_utilisation, point.machine_total.watts(),
                          watts, joules};
      Status st = outputs->on_point(p);
      if (!st.ok() && write_error.ok()) write_error = st;
    }
    if (config.on_sample) {
      callback = config.on_sample;
      snap = snapshot_locked();
    }
  }
  if (callback) callback(snap);
}

Snapshot RunTracker::snapshot_locked() const {
  Snapshot s;
  s.elapsed = acc->elapsed();
  s.power = series->last_job_total();
  s.energy = acc->total();
  s.emissions = emissions_at(config, s.energy);
  s.samples = acc->samples();
  Energy low, high;
  for (std::size_t i : reported_domains(*acc, false)) {
    const DomainTotals& t = acc->domains()[i];
    if (t.domain->provenance.method == Method::kEstimated && t.intervals > 0) s.estimated = true;
    low += t.job * t.domain->range_low;
    high += t.job * t.domain->range_high;
  }
  s.energy_range = Range<Energy>::of(s.energy, low, high);
  s.components.reserve(columns.size());
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const DomainTotals& t = acc->domains()[columns[k]];
    s.components.push_back({keys[k], t.domain->component, std::string(sensors[t.sensor]->name()),
                            t.domain->provenance.method, k < last_power.size() ? last_power[k] : Power{}, job_e[k]});
  }
  return s;
}

RunInfo RunTracker::run_info() const {
  // Text from the command line and the system is bytes; the record holds valid UTF-8
  // (invalid bytes as \xHH) so every output (JSON, ledger, CSV) takes it as it is.
  RunInfo r;
  r.id = id;
  r.kind = config.kind;
  r.project = escape_utf8(config.project);
  for (const std::string& a : config.command) r.command.push_back(escape_utf8(a));
  for (const std::string& t : config.tags) r.tags.push_back(escape_utf8(t));
  r.host = escape_utf8(host_name());
  r.os = escape_utf8(os_description());
  r.region = escape_utf8(config.region);
  r.place = config.place;
  r.machine_scope = config.kind == RunKind::kMonitor || !config.pid.has_value();
  r.start_unix = start_unix;
  const FileReader proc(config.proc_root);
  if (auto info = proc.read_static("/proc/cpuinfo"); info.ok()) r.cpu_model = escape_utf8(parse_cpu_brand(*info));
  if (auto stat = proc.read("/proc/stat"); stat.ok()) r.cpu_count = parse_proc_stat(*stat).value_or(CpuTimes{}).cpus;
  if (auto mem = proc.read_static("/proc/meminfo"); mem.ok()) {
    r.ram_gb = static_cast<double>(parse_mem_total(*mem).value_or(0)) / 1e9;
  }
  for (const DomainTotals& t : acc->domains()) {
    if (t.domain->component != "gpu") continue;
    if (r.gpu_count++ == 0) r.gpu_model = escape_utf8(t.domain->label);
  }
  r.complete = false;
  return r;
}

Status RunTracker::write_start_record() {
  RunPaths paths{config.output_dir, "", config.ledger_path, config.arg_style, config.emissions_csv, true, nullptr,
                 request_intervals()};
  if (!config.output_dir.empty()) {
    CS_ASSIGN_OR_RETURN(dir, claim_run_dir(config.output_dir, id));
    lock_fd = lock_run(dir);  // held while the run lives: recovery leaves it alone until then
    mark_run_pending(config.output_dir, id);
    paths.dir = dir;
  }
  outputs = std::make_unique<RunOutputs>(std::move(paths));
  if (outputs->empty()) return {};
  // The skeleton report: what recovery needs to finish this run if the tracker dies.
  RunStart start;
  start.skeleton.run = run_info();
  std::vector<ComponentEnergy> comps;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    const DomainTotals& t = acc->domains()[columns[k]];
    comps.push_back(component_of(t, Energy{}));
    start.columns.push_back({keys[k], t.standby, t.domain->range_low, t.domain->range_high});
  }
  start.skeleton.footprint = compute_footprint(std::move(comps), config.pue, config.intensity);
  start.skeleton.notes = config.notes;
  start.tracker_pid = current_pid();
  start.ledger = absolute_path(config.ledger_path);
  start.tracking_mode = config.pid ? "process" : "machine";
  start.job_accounting = sampler->job_method();
  return outputs->begin(start);
}

Tracker::~Tracker() = default;

RunTracker::~RunTracker() {
  wait_ledger();
  if (sampler) sampler->stop();
  release_run_lock(lock_fd);
}

Result<std::unique_ptr<Tracker>> Tracker::create(TrackerConfig config) {
  auto impl = std::make_unique<RunTracker>(std::move(config));
  TrackerConfig& c = impl->config;
  if (c.interval < kMinInterval) {
    return Status::invalid_argument(fmt::format("interval {} s is below the 10 ms minimum", c.interval.count()));
  }
  if (!c.sensors.empty()) {
    for (const auto& s : c.sensors) {
      impl->sensors.push_back(s.get());
      impl->set.standby.push_back(false);
    }
  } else {
    impl->set = probe_sensors(sensor_options_of(c));
    for (const auto& s : impl->set.sensors) impl->sensors.push_back(s.get());
  }
  if (impl->sensors.empty()) {
    std::string why;
    for (const ProbeResult& p : impl->set.probes) why += fmt::format("; {}: {}", p.backend, p.detail);
    return Status::unavailable(fmt::format("no sensor could be used, not even the CPU model{}", why));
  }
  impl->acc = std::make_unique<Accumulator>(impl->sensors, impl->set.standby, impl->set.host);
  impl->columns = reported_domains(*impl->acc, true);
  impl->keys = domain_keys(*impl->acc, impl->columns);
  impl->watts.resize(impl->columns.size());
  impl->joules.resize(impl->columns.size());
  impl->job_e.resize(impl->columns.size());
  impl->machine_e.resize(impl->columns.size());
  impl->series = std::make_unique<PowerSeries>(impl->columns.size(), c.interval);
  SamplerConfig sc;
  sc.interval = c.interval;
  sc.clock = c.clock;
  sc.proc_root = c.proc_root;
  sc.pid = c.pid;
  sc.job_cgroup = c.job_cgroup;
  std::vector<Sensor*> mutable_sensors;
  for (const Sensor* s : impl->sensors) mutable_sensors.push_back(const_cast<Sensor*>(s));
  RunTracker* raw = impl.get();
  impl->sampler = std::make_unique<Sampler>(sc, mutable_sensors, [raw](const Sample& s) { raw->on_sample(s); });
  impl->start_unix = impl->sampler->clock().unix_seconds();
  impl->id = new_run_id(impl->start_unix);
  return std::unique_ptr<Tracker>(std::move(impl));
}

Status RunTracker::start() {
  if (stopped) {
    return Status::failed_precondition("the tracker has stopped: a tracker measures one run; create a new one");
  }
  if (started) return Status::failed_precondition("tracker already started");
  started = true;
  start_unix = sampler->clock().unix_seconds();
  CS_RETURN_IF_ERROR(write_start_record());
  sampler->sample_now();  // the baseline reading
  sampler->start();
  return {};
}

void RunTracker::add_requests(double requests, double input_tokens, double output_tokens) {
  request_log.add({requests, input_tokens, output_tokens});
}

void RunTracker::begin_request_fit() { request_log.begin_fit(); }

void RunTracker::sample_now() { sampler->sample_now(); }
void RunTracker::detach_job() { sampler->detach_job(); }

Result<Report> RunTracker::stop(std::optional<int> exit_code) {
  RunTracker& m = *this;
  if (!m.started) return Status::failed_precondition("tracker not started");
  if (m.stopped) return Status::failed_precondition("tracker already stopped");
  m.stopped = true;
  m.sampler->stop();
  {
    std::lock_guard<std::mutex> lock(m.mu);
    m.final_sample = true;
  }
  m.sampler->sample_now();
  std::lock_guard<std::mutex> lock(m.mu);
  ReportInputs in;
  in.run = m.run_info();
  in.run.end_unix = m.acc->last_unix();
  in.run.duration = m.acc->elapsed();
  in.run.exit_code = exit_code;
  in.run.complete = true;
  in.run.cpu_utilisation = m.acc->mean_node_utilisation();
  in.pue = m.config.pue;
  in.intensity = m.config.intensity;
  in.notes = m.config.notes;
  if (const std::string how = m.sampler->job_method(); !how.empty()) in.notes.push_back(how);
  for (const PhaseResult& p : m.done) {
    in.notes.push_back(fmt::format("phase '{}': {:.3f} s, {:.6f} kWh, {:.4f} g CO2e", p.name, p.duration.count(),
                                   p.energy.kwh(), p.emissions.grams()));
  }
  in.probes = m.set.probes;
  for (std::size_t k = 0; k < m.columns.size(); ++k) {
    in.peaks[m.columns[k]] = {m.series->job_peak(k), m.series->machine_peak(k)};
  }
  in.job_mode = m.config.pid.has_value();
  in.pid = m.config.pid.value_or(0);
  Report report = build_report(*m.acc, std::move(in));
  if (m.config.count_requests || m.request_log.used()) report.inference = m.request_log.summary();
  if (!m.write_error.ok()) {  // the totals are from memory; the series on disk stops early
    report.notes.push_back(
        fmt::format("samples.csv is incomplete ({}); the totals are from memory", m.write_error.message()));
  }
  if (!m.outputs) {  // start() failed before its outputs existed: the ledger only, as ever
    m.outputs = std::make_unique<RunOutputs>(RunPaths{m.config.output_dir, m.dir, m.config.ledger_path,
                                                      m.config.arg_style, m.config.emissions_csv, true, nullptr,
                                                      m.request_intervals()});
  }
  FinishOutcome o = m.outputs->finish_files(report);
  // The first of: a file of the record, samples.csv cut short, requests.csv.
  if (!o.files.ok()) {
    m.write_error = o.files;
  } else if (m.write_error.ok()) {
    m.write_error = o.noted;
  }
  const auto finish_ledger = [&m](const Report& r, FinishOutcome& out) {
    m.outputs->finish_ledger(r, out);
    m.ledger_error = out.ledger;
    m.queued_for_ledger = out.queued;
    release_run_lock(m.lock_fd);
  };
  if (m.config.background_ledger && !m.dir.empty() && m.outputs->ledger_left()) {
    // The run's files are written; the ledger, the marker and the lock's release follow
    // on this thread, which needs nothing of the tracker but its outputs (the sampler is
    // stopped). A thread that cannot be started leaves the work to this one.
    try {
      m.ledger_thread = std::thread([&m, finish_ledger, recorded = report, o]() mutable {
        finish_ledger(recorded, o);
        m.ledger_thread_done = true;
      });
      return report;
    } catch (const std::system_error&) {
    }
  }
  finish_ledger(report, o);
  return report;
}

void RunTracker::wait_ledger() const {
  if (ledger_thread.joinable()) ledger_thread.join();
}

bool RunTracker::ledger_pending() const { return ledger_thread.joinable(); }
bool RunTracker::ledger_written() const { return ledger_thread_done; }

const Status& RunTracker::ledger_status() const {
  wait_ledger();
  return ledger_error;
}
bool RunTracker::ledger_queued() const {
  wait_ledger();
  return queued_for_ledger;
}
const Status& RunTracker::files_status() const { return write_error; }

Status RunTracker::begin_phase(std::string name) {
  if (!started || stopped) return Status::failed_precondition("begin_phase outside start/stop");
  sampler->sample_now();  // open the phase on a fresh reading
  std::lock_guard<std::mutex> lock(mu);
  open.push_back({std::move(name), acc->elapsed(), acc->total()});
  return {};
}

Result<PhaseResult> RunTracker::end_phase() {
  sampler->sample_now();  // close the phase on a fresh reading
  std::lock_guard<std::mutex> lock(mu);
  if (open.empty()) return Status::failed_precondition("end_phase without begin_phase");
  const OpenPhase p = open.back();
  open.pop_back();
  PhaseResult r{p.name, acc->elapsed() - p.t, acc->total() - p.e, {}};
  r.emissions = emissions_at(config, r.energy);
  done.push_back(r);
  return r;
}

std::vector<PhaseResult> RunTracker::phases() const {
  std::lock_guard<std::mutex> lock(mu);
  return done;
}

Snapshot RunTracker::snapshot() const {
  std::lock_guard<std::mutex> lock(mu);
  return snapshot_locked();
}

const std::string& RunTracker::run_id() const { return id; }
std::string RunTracker::run_dir() const { return dir; }

std::vector<std::string> RunTracker::sensor_lines() const {
  std::vector<std::string> out;
  for (const ProbeResult& p : set.probes) {
    out.push_back(fmt::format("{}: {}{}: {}", p.backend, p.available ? "available" : "unavailable",
                              p.used ? ", used" : "", p.detail));
  }
  return out;
}

}  // namespace carbonscope

// carbonscope._carbonscope.Tracker: the C++ Tracker for the pure-Python layer
// (carbonscope/_track.py). Every call that samples, probes or writes files releases
// the GIL; the sampler thread is C++ and never takes it.
#include <cstdlib>
#include <optional>
#include <string>
#include <vector>

#include <pybind11/stl.h>

#include "carbonscope/json.h"
#include "carbonscope/ledger.h"
#include "carbonscope/settings.h"
#include "carbonscope/tracker_setup.h"
#include "convert.h"
#include "data_source.h"

namespace py = pybind11;

namespace carbonscope::python {
namespace {

py::tuple range3(double central, double low, double high) { return py::make_tuple(central, low, high); }

py::dict phase_dict(const PhaseResult& p) {
  py::dict d;
  d["name"] = p.name;
  d["duration_s"] = p.duration.count();
  d["energy_kwh"] = p.energy.kwh();
  d["emissions_kg"] = p.emissions.kg();
  return d;
}

class PyTracker {
 public:
  PyTracker(TrackerSetup setup, std::optional<int> pid, std::vector<std::string> command) {
    std::shared_ptr<const DataSet> data = data_tables();
    setup.style = ArgStyle::kKeyword;
    TrackerConfig config = unwrap(make_tracker_config(*data, setup));
    config.background_ledger = true;  // the Python layer waits for it (_track.py, wait_recorded)
    config.pid = pid;
    config.command = std::move(command);
    pue_ = config.pue.value;
    intensity_ = config.intensity.value;
    Result<std::unique_ptr<Tracker>> t = Status::internal("unset");
    {
      py::gil_scoped_release release;  // probing the sensors reads files and dlopens
      t = Tracker::create(std::move(config));
    }
    tracker_ = unwrap(std::move(t));
  }

  void start() {
    Tracker& t = core();
    Status st;
    {
      py::gil_scoped_release release;
      st = t.start();
    }
    check(st);
  }

  py::object stop(std::optional<int> exit_code) {
    Tracker& t = core();
    Result<Report> r = Status::internal("unset");
    {
      py::gil_scoped_release release;
      r = t.stop(exit_code);
    }
    return from_json_text(report_json(unwrap(std::move(r))));
  }

  // Why stop() could not record the run in the ledger (the Python layer warns), or None;
  // waits for a ledger write still in flight (ledger_pending).
  py::object ledger_problem() const {
    const Tracker& t = core();
    {
      py::gil_scoped_release release;
      t.wait_ledger();
    }
    const Status& st = t.ledger_status();
    if (st.ok()) return py::none();
    return py::str(st.message());
  }
  bool ledger_pending() const { return core().ledger_pending(); }
  bool ledger_written() const { return core().ledger_written(); }

  void begin_phase(std::string name) {
    Tracker& t = core();
    Status st;
    {
      py::gil_scoped_release release;
      st = t.begin_phase(std::move(name));
    }
    check(st);
  }

  py::dict end_phase() {
    Tracker& t = core();
    Result<PhaseResult> r = Status::internal("unset");
    {
      py::gil_scoped_release release;
      r = t.end_phase();
    }
    return phase_dict(unwrap(std::move(r)));
  }

  py::list phases() const {
    py::list out;
    for (const PhaseResult& p : core().phases()) out.append(phase_dict(p));
    return out;
  }

  // (elapsed_s, power_w, energy_kwh, emissions_kg, estimated, samples,
  //  (energy_kwh, energy_kwh_low, energy_kwh_high))
  py::tuple snapshot() const {
    Tracker& t = core();
    Snapshot s;
    {
      py::gil_scoped_release release;
      s = t.snapshot();
    }
    return py::make_tuple(s.elapsed.count(), s.power.watts(), s.energy.kwh(), s.emissions.kg(), s.estimated,
                          s.samples,
                          range3(s.energy_range.central.kwh(), s.energy_range.low.kwh(), s.energy_range.high.kwh()));
  }

  // The PUE and intensity the run is charged with, as (central, low, high).
  py::dict factors() const {
    py::dict d;
    d["pue"] = range3(pue_.central, pue_.low, pue_.high);
    d["intensity_g_per_kwh"] =
        range3(intensity_.central.g_per_kwh(), intensity_.low.g_per_kwh(), intensity_.high.g_per_kwh());
    return d;
  }

  void add_requests(double n, double input_tokens, double output_tokens) {
    core().add_requests(n, input_tokens, output_tokens);
  }

  std::string run_id() const { return tracker_ ? tracker_->run_id() : forked_id_; }
  std::string run_dir() const { return tracker_ ? tracker_->run_dir() : forked_dir_; }
  std::vector<std::string> sensor_lines() const { return core().sensor_lines(); }

  // In a child after fork(): the sampler thread exists only in the parent, so this
  // process must neither stop nor destroy the C++ tracker (joining a thread it does not
  // have would hang). The tracker is leaked on purpose; the parent owns the run.
  void forget_after_fork() {
    if (!tracker_) return;
    forked_id_ = tracker_->run_id();
    forked_dir_ = tracker_->run_dir();
    (void)tracker_.release();
  }

 private:
  Tracker& core() const {
    if (!tracker_) {
      raise(Status::failed_precondition(
          "this tracker was started by the parent of this forked process, which measures and records the run; "
          "start a new one here with carbonscope.track() to measure this process"));
    }
    return *tracker_;
  }

  std::unique_ptr<Tracker> tracker_;
  std::string forked_id_, forked_dir_;
  Range<double> pue_;
  Range<CarbonIntensity> intensity_;
};

PyTracker make_tracker(const std::string& project, const std::string& interval, const std::string& output_dir,
                       const std::string& region, const std::string& cloud, const std::string& intensity,
                       const std::string& pue, int year, std::optional<int> pid, std::vector<std::string> command,
                       const std::string& ledger, std::vector<std::string> tags, const std::string& emissions_csv) {
  TrackerSetup s;
  s.ledger_path = ledger;
  s.kind = RunKind::kRun;
  s.project = project;
  s.tags = std::move(tags);
  s.interval = interval;
  s.output_dir = output_dir;
  s.emissions_csv = emissions_csv;
  s.location = {region, cloud, intensity, pue, year};
  const Settings settings = unwrap(load_settings(process_settings_inputs()));
  s.settings = &settings;
  return PyTracker(std::move(s), pid, std::move(command));
}

}  // namespace

void bind_tracker(py::module_& m) {
  py::class_<PyTracker>(m, "Tracker", "The C++ tracker; use carbonscope.track() instead.")
      .def(py::init(&make_tracker), py::kw_only(), py::arg("project") = "", py::arg("interval") = "1s",
           py::arg("output_dir") = "", py::arg("region") = "", py::arg("cloud") = "", py::arg("intensity") = "",
           py::arg("pue") = "", py::arg("year") = 0, py::arg("pid") = py::none(),
           py::arg("command") = std::vector<std::string>{}, py::arg("ledger") = "",
           py::arg("tags") = std::vector<std::string>{}, py::arg("emissions_csv") = "")
      .def("add_requests", &PyTracker::add_requests, py::arg("requests"), py::arg("input_tokens"),
           py::arg("output_tokens"))
      .def("start", &PyTracker::start)
      .def("stop", &PyTracker::stop, py::arg("exit_code") = py::none())
      .def("ledger_problem", &PyTracker::ledger_problem)
      .def_property_readonly("ledger_pending", &PyTracker::ledger_pending)
      .def_property_readonly("ledger_written", &PyTracker::ledger_written)
      .def("forget_after_fork", &PyTracker::forget_after_fork)
      .def("begin_phase", &PyTracker::begin_phase, py::arg("name"))
      .def("end_phase", &PyTracker::end_phase)
      .def("phases", &PyTracker::phases)
      .def("snapshot", &PyTracker::snapshot)
      .def("factors", &PyTracker::factors)
      .def_property_readonly("run_id", &PyTracker::run_id)
      .def_property_readonly("run_dir", &PyTracker::run_dir)
      .def("sensor_lines", &PyTracker::sensor_lines);

  m.def(
      "recover_incomplete_runs",
      [](const std::string& output_dir, const std::string& ledger) {
        Result<std::vector<std::string>> r = Status::internal("unset");
        {
          py::gil_scoped_release release;
          r = recover_incomplete_runs(output_dir, ledger);
        }
        return unwrap(std::move(r));
      },
      py::arg("output_dir"), py::arg("ledger") = "",
      "Finishes the records of runs whose tracker died (and adds them to the ledger); returns their ids.");
  m.def(
      "settings",
      [] {
        const Settings s = unwrap(load_settings(process_settings_inputs()));
        py::dict d;
        for (const auto& [key, v] : {std::pair{"country", &s.country}, std::pair{"region", &s.region},
                                     std::pair{"cloud", &s.cloud}, std::pair{"pue", &s.pue}}) {
          d[key] = v->value.empty() ? py::object(py::none()) : py::object(py::make_tuple(v->value, v->source));
        }
        d["files"] = s.files;
        d["notes"] = s.notes;
        return d;
      },
      "The default location and PUE (environment, carbonscope.toml, config.toml, .codecarbon.config), as "
      "{key: (value, source) or None, 'files': [...], 'notes': [...]}.");
  m.def(
      "default_ledger_path",
      [] {
        return default_ledger_path(std::getenv("CARBONSCOPE_LEDGER"), std::getenv("XDG_DATA_HOME"),
                                   std::getenv("HOME"));
      },
      "The ledger `carbonscope run` records into: $CARBONSCOPE_LEDGER, else the XDG data directory.");
}

}  // namespace carbonscope::python

"""CodeCarbon's API over carbonscope: change one import line,

    from codecarbon import EmissionsTracker              # before
    from carbonscope.compat import EmissionsTracker      # after

and the script runs unchanged. EmissionsTracker, OfflineEmissionsTracker and
track_emissions take CodeCarbon's common arguments (project_name, measure_power_secs,
country_iso_code, region, cloud_provider, cloud_region, output_dir, output_file,
save_to_file, log_level, tracking_mode, experiment_id, pue) and return what CodeCarbon
returns: stop() and flush() give kg CO2e as a float; start_task()/stop_task() map to
carbonscope phases; the row goes to output_dir/output_file in CodeCarbon's columns.
Arguments carbonscope has no use for (the API, Prometheus and logger outputs, tokens,
gpu_ids, ...) are accepted with one CodeCarbonCompatWarning each per process, never an
error. See docs/python.md, "Switching from CodeCarbon"."""

import functools
import json
import os
import warnings

from . import _carbonscope
from ._track import Tracker

__all__ = ["EmissionsTracker", "OfflineEmissionsTracker", "track_emissions", "CodeCarbonCompatWarning"]


class CodeCarbonCompatWarning(UserWarning):
    """A CodeCarbon argument carbonscope accepts but does not use (warned once per name)."""


_warned = set()

# CodeCarbon arguments with no carbonscope meaning: accepted, warned about once.
_IGNORED = {
    "api_call_interval": "the CodeCarbon API is not used",
    "api_endpoint": "the CodeCarbon API is not used",
    "api_key": "the CodeCarbon API is not used",
    "save_to_api": "the CodeCarbon API is not used; runs go to the local ledger (carbonscope runs list)",
    "save_to_logger": "no logger output; the run is in emissions.csv, report.json and the ledger",
    "logging_logger": "no logger output; the run is in emissions.csv, report.json and the ledger",
    "save_to_prometheus": "no Prometheus push; use `carbonscope monitor`",
    "prometheus_url": "no Prometheus push; use `carbonscope monitor`",
    "save_to_logfire": "no Logfire output",
    "gpu_ids": "every GPU carbonscope finds is measured",
    "emissions_endpoint": "no HTTP output",
    "co2_signal_api_token": "carbonscope reads no online intensity; its tables are offline",
    "electricitymaps_api_token": "carbonscope reads no online intensity; its tables are offline",
    "experiment_name": "recorded only through experiment_id (a tag)",
    "logger_preamble": "no logger output",
    "default_cpu_power": "the CPU's rating comes from carbonscope's tables",
    "allow_multiple_runs": "carbonscope trackers never lock each other out",
    "force_cpu_power": "the CPU's power comes from RAPL or carbonscope's model",
    "force_ram_power": "the memory's power comes from carbonscope's model",
    "force_mode_cpu_load": "the CPU model is always utilisation-based when RAPL is absent",
    "rapl_include_dram": "carbonscope chooses RAPL domains itself, counting nothing twice",
    "rapl_prefer_psys": "carbonscope chooses RAPL domains itself, counting nothing twice",
    "output_handlers": "outputs are emissions.csv, report.json and the ledger",
    "offline": "carbonscope is always offline",
    "country_2letter_iso_code": "use country_iso_code",
    "measure_power_secs_gpu": "one interval for every sensor",
    "tracking_mode_process_pid": "give tracking_mode=\"process\" (this process and its children)",
}


def _warn(name, why):
    if name in _warned:
        return
    _warned.add(name)
    warnings.warn(f"carbonscope.compat: CodeCarbon's {name}= is accepted but not used: {why}",
                  CodeCarbonCompatWarning, stacklevel=4)


class _EmissionsData:
    """CodeCarbon's EmissionsData fields that carbonscope has, from the run's report."""

    def __init__(self, result, project_name, experiment_id):
        report = result.to_dict()
        row = _carbonscope.codecarbon_record(json.dumps(report))  # the emissions.csv row's figures
        pue = row["pue"]
        run = report["run"]
        self.timestamp = run.get("end", "")
        self.project_name = project_name
        self.run_id = result.run_id
        self.experiment_id = experiment_id
        self.duration = row["duration"]
        self.emissions = row["emissions"]
        self.emissions_rate = row["emissions_rate"]
        self.cpu_energy, self.gpu_energy, self.ram_energy = row["cpu_energy"], row["gpu_energy"], row["ram_energy"]
        self.cpu_power, self.gpu_power, self.ram_power = row["cpu_power"], row["gpu_power"], row["ram_power"]
        self.energy_consumed = row["energy_consumed"]
        for column in ("country_name", "country_iso_code", "region", "cloud_provider", "cloud_region", "on_cloud",
                       "tracking_mode"):
            setattr(self, column, row[column])
        self.pue = pue

    def __repr__(self):
        return f"EmissionsData(emissions={self.emissions!r}, energy_consumed={self.energy_consumed!r}, " \
               f"duration={self.duration!r})"


def _location(country_iso_code, region, cloud_provider, cloud_region):
    """carbonscope's region/cloud for CodeCarbon's four location arguments."""
    if cloud_provider and cloud_region:
        return None, f"{cloud_provider}:{cloud_region}"
    if region:
        from . import location  # a sub-national name CodeCarbon knows may not be a zone here

        try:
            location(region)
            return region, None
        except Exception:  # noqa: BLE001 - fall back to the country, saying so
            if country_iso_code:
                warnings.warn(f"carbonscope.compat: region={region!r} is not a grid zone carbonscope knows; "
                              f"using country_iso_code={country_iso_code!r}", CodeCarbonCompatWarning, stacklevel=4)
                return country_iso_code, None
            raise
    if country_iso_code:
        return country_iso_code, None
    return None, None  # carbonscope's settings (CARBONSCOPE_*, carbonscope.toml, .codecarbon.config)


class EmissionsTracker:
    """CodeCarbon's EmissionsTracker, measured by carbonscope. stop() -> kg CO2e."""

    def __init__(self, project_name="codecarbon", measure_power_secs=15, output_dir=".", output_file="emissions.csv",
                 save_to_file=True, log_level="info", tracking_mode="machine", experiment_id=None, pue=None,
                 country_iso_code=None, region=None, cloud_provider=None, cloud_region=None,
                 on_csv_write="append", **unsupported):
        for name in sorted(unsupported):
            _warn(name, _IGNORED.get(name, "carbonscope has no such option"))
        if on_csv_write not in ("append", None):
            _warn("on_csv_write", "rows are always appended, one per run")
        if log_level not in (None, "debug", "info", "warning", "error", "critical") and not isinstance(log_level, int):
            _warn("log_level", f"unknown level {log_level!r}; carbonscope prints only warnings")
        if tracking_mode not in ("machine", "process"):
            _warn("tracking_mode", f"{tracking_mode!r} is not machine or process; measuring the machine")
            tracking_mode = "machine"
        region_arg, cloud_arg = _location(country_iso_code, region, cloud_provider, cloud_region)
        output_dir = os.fspath(output_dir) if output_dir else "."
        self._project_name = project_name
        self._experiment_id = experiment_id
        self._options = dict(
            project=project_name or "", region=region_arg, cloud=cloud_arg, pue=pue,
            interval=max(float(measure_power_secs or 15), 0.01),
            output_dir=os.path.join(output_dir, "carbonscope-runs") if save_to_file else None,
            emissions_csv=os.path.join(output_dir, output_file or "emissions.csv") if save_to_file else None,
            scope=tracking_mode, experiment_id=experiment_id)
        self._tracker = None
        self._tasks = {}
        self.final_emissions = None
        self.final_emissions_data = None

    # -- CodeCarbon's life cycle --------------------------------------------------
    def start(self):
        if self._tracker is not None and self._tracker.running:
            warnings.warn("carbonscope.compat: the tracker is already started", CodeCarbonCompatWarning, stacklevel=2)
            return
        if self._tracker is None or not self._tracker.running:
            if self._options["output_dir"]:
                os.makedirs(os.path.dirname(self._options["emissions_csv"]) or ".", exist_ok=True)
            self._tracker = Tracker(**self._options)
            self._tracker.start()

    def stop(self):
        """Stops; returns the run's emissions in kg CO2e (CodeCarbon's float)."""
        if self._tracker is None:
            warnings.warn("carbonscope.compat: stop() before start()", CodeCarbonCompatWarning, stacklevel=2)
            return None
        if self._tracker.running:
            result = self._tracker.stop()
            self.final_emissions = result.emissions_kg
            self.final_emissions_data = _EmissionsData(result, self._project_name, self._experiment_id)
        return self.final_emissions

    def flush(self):
        """The emissions so far, kg CO2e (the run's files on disk are already current:
        samples.csv is written every interval; emissions.csv gets its row at stop())."""
        if self._tracker is None or not self._tracker.running:
            return self.final_emissions
        return self._tracker.snapshot().emissions_kg

    def start_task(self, task_name=None):
        """A CodeCarbon task is a carbonscope phase of the run."""
        if self._tracker is None or not self._tracker.running:
            self.start()
        name = task_name or f"task {len(self._tasks) + 1}"
        self._tracker.begin_phase(name)
        self._tasks[name] = None
        return name

    def stop_task(self, task_name=None):
        """Closes the innermost task; its emissions in kg CO2e (CodeCarbon returns its
        EmissionsData; this one has .emissions, .energy_consumed and .duration)."""
        phase = self._tracker.end_phase()
        data = type("TaskEmissions", (), {})()
        data.task_name = phase.name
        data.emissions = phase.emissions_kg
        data.energy_consumed = phase.energy_kwh
        data.duration = phase.duration_s
        self._tasks[phase.name] = data
        return data

    @property
    def run_id(self):
        return self._tracker.run_id if self._tracker else None

    @property
    def carbonscope_tracker(self):
        """The carbonscope.Tracker underneath (its result has ranges and provenance)."""
        return self._tracker

    def __enter__(self):
        self.start()
        return self

    def __exit__(self, *exc):
        self.stop()
        return False


class OfflineEmissionsTracker(EmissionsTracker):
    """CodeCarbon's OfflineEmissionsTracker: carbonscope is always offline, so this is
    EmissionsTracker; country_iso_code ("FRA") and region pick the grid."""


def track_emissions(fn=None, *, offline=False, **options):
    """CodeCarbon's decorator: @track_emissions or @track_emissions(project_name=...).
    The function's return value passes through; each call is one run."""
    del offline  # always offline

    def decorate(func):
        @functools.wraps(func)
        def wrapper(*args, **kwargs):
            tracker = EmissionsTracker(**options)
            tracker.start()
            try:
                return func(*args, **kwargs)
            finally:
                tracker.stop()
                wrapper.tracker = tracker

        wrapper.tracker = None
        return wrapper

    if callable(fn):
        return decorate(fn)
    return decorate

"""carbonscope.track(): a tracker as a context manager, a decorator or with explicit
start()/stop(); named phases; snapshots while it runs; epochs with a forecast. The
sampling runs on a C++ thread that never takes the GIL; runs are written where
`carbonscope run` writes them (output_dir/<run id>/ and output_dir/emissions.csv)."""

import atexit
import os
import sys
import warnings

from . import _carbonscope
from ._args import number, text
from ._predict import Predictor
from ._ranks import NodeShare
from ._results import PhaseResult, RunResult, Snapshot

_recovered = set()  # output dirs whose dead runs this process has already finished


class _Phase:
    __slots__ = ("_tracker", "_name", "result")

    def __init__(self, tracker, name):
        self._tracker, self._name, self.result = tracker, name, None

    def __enter__(self):
        self._tracker.begin_phase(self._name)
        return self

    def __exit__(self, *exc):
        self.result = self._tracker.end_phase()
        return False


class _Epoch:
    __slots__ = ("_predictor", "prediction")

    def __init__(self, predictor):
        self._predictor, self.prediction = predictor, None

    def __enter__(self):
        self._predictor.epoch_start()
        return self

    def __exit__(self, exc_type, *exc):
        if exc_type is None:
            self.prediction = self._predictor.epoch_end()
        else:
            self._predictor.close_open_epoch()
        return False


_OPTIONS = """
    project="":          project name recorded with the run.
    region=None:         grid zone, a country or sub-national code or name ("FR", "US-OR").
    cloud=None:          cloud provider and region ("gcp:us-central1"); conflicts with region.
    intensity=None:      carbon intensity, g CO2e/kWh for a number, or a string with its
                         unit ("0.954lb/kWh"); overrides the tables.
    pue=None:            power usage effectiveness, 1.0 to 3.0 (None: the provider's, else 1.0).
    year=0:              year of the grid data (0: the latest).
    interval=1.0:        sampling interval, seconds for a number, or "100ms"; 10 ms at least.
    output_dir="carbonscope-runs": where the run's files go (None: no files).
    scope="process":     "process": this process and its children, charged their share of
                         the node; "machine": the whole machine.
    epochs=None:         total epochs of the run, to forecast it after each epoch.
    predict_after=1:     epochs to complete before the first forecast.
    budget_kg=None:      emissions budget for the forecast, kg CO2e.
    on_budget="warn":    above the budget: "warn" (one BudgetWarning), "stop" (raise
                         BudgetExceeded) or a callable taking the Prediction.
    ledger=None:         the SQLite ledger to record the run in: None, the one `carbonscope
                         run` uses ($CARBONSCOPE_LEDGER, else the XDG data directory); a
                         path; or False, none.
    tags=():             tags recorded with the run (`carbonscope runs list --tag NAME`).
    experiment_id=None:  CodeCarbon's experiment id, recorded as one more tag (emissions.csv's
                         experiment_id column is the run's tags).
    emissions_csv=None:  the CodeCarbon-style CSV the run's row is appended to (None:
                         output_dir/emissions.csv).
"""


class LedgerWarning(UserWarning):
    """The run finished and its files are written, but it could not be recorded in the
    ledger (a damaged file, an unwritable directory): t.result still holds it."""


class UnstoppedTrackerWarning(UserWarning):
    """A tracker was still running when Python exited; carbonscope stopped it then, so
    the run is recorded (with no exit code)."""


_running = set()  # started, not yet stopped: kept alive so that exit can stop them
# Stopped, their ledger record still being written on the C++ tracker's thread (stop()
# returns once the run's files are written): waited for by wait_recorded(), which the
# next start() and the interpreter's exit call.
_unsettled = []


def wait_recorded():
    """Waits until every run this process has stopped is in its ledger (stop() returns
    once the run's files are written; the ledger's commit follows on a thread). A run
    that could not be recorded gives a LedgerWarning here; it stays queued in its
    directory for the next recovery. Called by the next start() and at exit."""
    _settle(stacklevel=2)


def _settle(stacklevel, finished_only=False):
    for tracker in list(_unsettled):
        if finished_only and not tracker._core.ledger_written:
            continue
        _unsettled.remove(tracker)
        problem = tracker._core.ledger_problem()
        if problem:
            _ledger_warning(problem, stacklevel + 1)


def _stop_at_exit():
    import warnings

    for tracker in list(_running):
        if tracker._pid != os.getpid():  # a forked child inherited it: the parent owns the run
            continue
        warnings.warn(f"carbonscope: tracker {tracker.run_id} was still running when Python exited; stopped it "
                      f"so the run is recorded (end runs with `with carbonscope.track():` or t.stop())",
                      UnstoppedTrackerWarning, stacklevel=2)
        try:
            tracker.stop()
        except Exception as e:  # noqa: BLE001 - the other trackers must still be stopped
            warnings.warn(f"carbonscope: could not finish run {tracker.run_id} at exit: {e}", RuntimeWarning,
                          stacklevel=2)
    _settle(stacklevel=2)


def _forget_in_child():
    """After fork(), in the child: running trackers belong to the parent (their sampler
    thread is there), so the child neither stops them at exit nor destroys them."""
    for tracker in list(_running):
        tracker._core.forget_after_fork()
        tracker._state = "forked"
    _running.clear()
    for tracker in _unsettled:  # their ledger thread is the parent's too
        tracker._core.forget_after_fork()
    _unsettled.clear()


atexit.register(_stop_at_exit)
os.register_at_fork(after_in_child=_forget_in_child)


def _ledger_warning(problem, stacklevel):
    import warnings

    message = f"carbonscope: the run is finished and t.result holds it, but it is not in the ledger: {problem}"
    if "ledger=" not in problem:
        message += "; record into another file with ledger=PATH, or into none with ledger=False"
    warnings.warn(message, LedgerWarning, stacklevel=stacklevel + 1)


class Tracker:
    """Measures the energy and emissions of this process (scope="process", with its
    children) or of the whole machine (scope="machine"); one Tracker measures one run.
    carbonscope.track(...) makes one (see docs/python.md). Options, with their units
    and defaults:"""

    def __init__(self, project="", *, region=None, cloud=None, intensity=None, pue=None, year=0, interval=1.0,
                 output_dir="carbonscope-runs", scope="process", epochs=None, predict_after=1, budget_kg=None,
                 on_budget="warn", ledger=None, tags=(), experiment_id=None, emissions_csv=None):
        if scope not in ("process", "machine"):
            raise ValueError('scope must be "process" or "machine"')
        if isinstance(tags, str):
            raise TypeError(f'tags must be a list of strings, such as tags=["{tags}"]')
        tag_list = [str(t) for t in tags or ()]
        if experiment_id is not None:
            tag_list.append(str(experiment_id))
        self._settings = dict(project=project, region=region, cloud=cloud, intensity=intensity, pue=pue, year=year,
                              interval=interval, output_dir=output_dir, scope=scope, epochs=epochs,
                              predict_after=predict_after, budget_kg=budget_kg, on_budget=on_budget,
                              ledger=ledger, tags=tuple(tags or ()), experiment_id=experiment_id,
                              emissions_csv=emissions_csv)
        self._output_dir = os.fspath(output_dir) if output_dir else ""
        # The same ledger as `carbonscope run` (None), another file (a path), or none (False).
        if ledger is False:
            self._ledger = ""
        elif ledger is None:
            self._ledger = _carbonscope.default_ledger_path()
        else:
            self._ledger = os.fspath(ledger)
        # Distributed training: local rank 0 measures the node, the other ranks nothing
        # (they read its result when they stop; see _ranks.py).
        self._node = NodeShare()
        self._follower = not self._node.leader
        self._warned_follower_requests = False
        self._pid = os.getpid()
        self._state = "new"
        self.result = None
        if self._follower:
            self._core = None
            self._predictor = Predictor(self, None, predict_after, budget_kg, on_budget)
            return
        own = self._node.tracked_pid(os.getpid())
        self._core = _carbonscope.Tracker(
            project=project or "", interval=text(interval, "s"), output_dir=self._output_dir,
            region=text(region), cloud=text(cloud), intensity=text(intensity, "g/kWh"),
            pue="" if pue is None else text(pue), year=int(year or 0),
            pid=own if scope == "process" else None, command=[sys.executable, *sys.argv],
            ledger=self._ledger, tags=tag_list, emissions_csv=os.fspath(emissions_csv) if emissions_csv else "")
        self._predictor = Predictor(self, epochs, predict_after, budget_kg, on_budget)

    # -- life cycle ---------------------------------------------------------------
    def start(self):
        """Starts measuring (the first sample is the baseline); returns self."""
        if self._state == "stopped":
            from ._errors import FailedPrecondition

            raise FailedPrecondition("this tracker has stopped: a tracker measures one run; make a new one with "
                                     "carbonscope.track()")
        if self._follower:
            self._state = "running"
            return self
        _settle(stacklevel=2)
        if self._node.active:
            self._node.clear()
        if self._state == "new" and self._output_dir and self._output_dir not in _recovered:
            _recovered.add(self._output_dir)
            try:
                _carbonscope.recover_incomplete_runs(self._output_dir, self._ledger)
            except Exception:  # noqa: BLE001 - finishing old runs must never stop a new one
                pass
        self._core.start()
        self._state = "running"
        self._pid = os.getpid()
        _running.add(self)
        return self

    def stop(self, exit_code=None):
        """Stops, writes the run's files and returns the RunResult (also in .result).
        The ledger record follows on a thread (carbonscope.wait_recorded() waits for it;
        the next start() and exit do). A run that cannot be recorded in the ledger gives
        a LedgerWarning, not an error."""
        return self._stop(exit_code, stacklevel=2)

    def _stop(self, exit_code, stacklevel):
        was_running = self._state == "running"
        if self._follower:
            self._state = "stopped"
            self.result = self._node.result_for_follower(stacklevel + 1)
            return self.result
        try:
            self._predictor.close_open_epoch()
            report = self._core.stop(exit_code)
        finally:
            if was_running:  # the C++ run is over once stop was called, whatever it returned
                self._state = "stopped"
                _running.discard(self)
        self.result = RunResult(report, self.phases, self._core.run_dir)
        if self._node.active:
            self._node.publish(report, self._core.run_dir)
            self.result.rank_share = self._node.share(report)
        _settle(stacklevel + 1, finished_only=True)  # earlier runs' threads that are done: joined now
        if self._core.ledger_pending:
            _unsettled.append(self)
        else:
            problem = self._core.ledger_problem()
            if problem:
                _ledger_warning(problem, stacklevel + 1)
        return self.result

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, exc, tb):
        code = None
        if exc_type is not None:
            code = 130 if issubclass(exc_type, KeyboardInterrupt) else 1
        try:
            self._stop(code, stacklevel=2)
        except Exception:
            if exc_type is None:
                raise
            import warnings

            warnings.warn(f"carbonscope: could not finish the run record: {sys.exc_info()[1]}", RuntimeWarning)
        return False

    def __call__(self, fn):
        """As a decorator: each call of fn is one run; the last call's Tracker is in
        fn.tracker (its RunResult in fn.tracker.result)."""
        import functools

        settings = self._settings

        @functools.wraps(fn)
        def wrapper(*args, **kwargs):
            t = wrapper.tracker = Tracker(**settings)
            with t:
                return fn(*args, **kwargs)

        wrapper.tracker = None
        return wrapper

    # -- phases and epochs --------------------------------------------------------
    def phase(self, name):
        """`with t.phase("eval"):` measures a named part of the run (nestable)."""
        return _Phase(self, name)

    def begin_phase(self, name):
        if not self._follower:
            self._core.begin_phase(str(name))

    def end_phase(self):
        """Closes the innermost open phase; returns its PhaseResult (zero on a rank that
        is not its node's first: that rank measures nothing)."""
        if self._follower:
            return PhaseResult("", 0.0, 0.0, 0.0)
        return PhaseResult.from_dict(self._core.end_phase())

    @property
    def phases(self):
        """The closed phases, in the order they closed."""
        return [] if self._follower else [PhaseResult.from_dict(d) for d in self._core.phases()]

    def epoch(self):
        """`with t.epoch():` one training epoch (phase "epoch N"); see epoch_end()."""
        return _Epoch(self._predictor)

    def epoch_start(self):
        self._predictor.epoch_start()

    def epoch_end(self):
        """Closes the epoch. With epochs=N, returns the Prediction once predict_after
        epochs are done (and warns or raises BudgetExceeded above budget_kg)."""
        return self._predictor.epoch_end()

    @property
    def prediction(self):
        return self._predictor.prediction

    @property
    def epochs(self):
        """PhaseResults of the finished epochs."""
        return list(self._predictor.epoch_results)

    # -- inference services -------------------------------------------------------
    def add_requests(self, n=1, input_tokens=0, output_tokens=0):
        """Counts work an inference service did (n requests and their tokens), from any
        thread. At stop() the run's energy per sampling interval is fitted against it:
        result.inference holds the idle draw and the energy per request and per 1,000
        output tokens, with ranges (docs/python.md)."""
        if n < 0 or input_tokens < 0 or output_tokens < 0:
            raise ValueError("add_requests counts work done: n, input_tokens and output_tokens must be >= 0")
        if self._follower:
            # Another rank of this node tracks it; requests are fitted where they are
            # counted, so a service counts them on local rank 0 (docs/python.md).
            if not self._warned_follower_requests:
                warnings.warn("add_requests on a rank other than the node's first is not counted: "
                              "count requests on local rank 0, which tracks the node", RuntimeWarning, stacklevel=2)
                self._warned_follower_requests = True
            return
        self._core.add_requests(float(n), float(input_tokens), float(output_tokens))

    # -- reading while it runs ------------------------------------------------------
    def snapshot(self):
        """The run so far (cheap: no sample is taken); zero on a rank that is not its
        node's first."""
        if self._follower:
            return Snapshot(0.0, 0.0, 0.0, 0.0, False, 0)
        return Snapshot(*self._core.snapshot())

    def factors(self):
        """{"pue": (central, low, high), "intensity_g_per_kwh": (central, low, high)}."""
        if self._follower:
            from ._errors import FailedPrecondition

            raise FailedPrecondition("this rank measures nothing (local rank 0 measures the node): read the "
                                     "factors from t.result once the tracker has stopped")
        return self._core.factors()

    @property
    def run_id(self):
        if self._follower:  # the node's run, once its first rank has finished it
            return self.result.run_id if self.result else None
        return self._core.run_id

    @property
    def run_dir(self):
        """The run's directory (report.json, samples.csv, run.json), None without files."""
        if self._follower:
            return self.result.run_dir if self.result else None
        return self._core.run_dir or None

    @property
    def running(self):
        return self._state == "running"

    def sensors(self):
        """One line per probed sensor backend, with why it was or was not used."""
        return [] if self._follower else list(self._core.sensor_lines())

    def __repr__(self):
        return f"<carbonscope.Tracker {self.run_id} {self._state}>"


Tracker.__doc__ += _OPTIONS


def track(project="", *, region=None, cloud=None, intensity=None, pue=None, year=0, interval=1.0,
          output_dir="carbonscope-runs", scope="process", epochs=None, predict_after=1, budget_kg=None,
          on_budget="warn", ledger=None, tags=(), experiment_id=None, emissions_csv=None):
    options = dict(region=region, cloud=cloud, intensity=intensity, pue=pue, year=year, interval=interval,
                   output_dir=output_dir, scope=scope, epochs=epochs, predict_after=predict_after,
                   budget_kg=budget_kg, on_budget=on_budget, ledger=ledger, tags=tags, experiment_id=experiment_id,
                   emissions_csv=emissions_csv)
    if callable(project):  # bare @carbonscope.track: the function itself, default options
        return Tracker(**options)(project)
    return Tracker(project, **options)


track.__doc__ = """A Tracker, not yet started, measuring one run. Use it as a context manager
`with track(...) as t:`, as a decorator `@track` or `@track(...)` (each call of the
function is one run; fn.tracker.result is the last one), or call .start() and .stop().
Options, with their units and defaults:
""" + _OPTIONS


def estimate(*, gpu=None, count=None, power=None, cpu=None, cpus=None, memory=None, energy=None, hours=None,
             duration=None, device_hours=None, utilisation=None, region=None, cloud=None, intensity=None, pue=None,
             year=0, params=None, tokens=None, inference_tokens=None, precision=None, mfu=None, requests=None,
             workload=None, flops=None, whole_node=False, date=None, pue_source=None, facility_energy=None,
             price=None, instance=None, node=None, market_based=None, active_params=None):
    """What a job costs without running it (as `carbonscope estimate`). Numbers take the
    units power W, energy and facility_energy kWh, memory GB, duration s, intensity g/kWh,
    price per kWh, market_based a share (0.9); strings may carry their own ("400W", "3d4h",
    "80%"). params/tokens ("70B", 2e12) or flops predict the time from compute (6ND;
    inference_tokens: 2N per token) at precision and mfu; requests adds per-request
    figures; active_params ("37B") is the per-token count of a mixture-of-experts
    model (params is then its total). instance ("p4d.24xlarge") or node ("dgx-h100") gives the whole machine
    (count = machines); whole_node adds a modelled host to gpu; date ("2019-06") picks
    that year's grid; pue_source is industry, provider or none; market_based is a
    carbon-free-energy share, "provider" or "none"."""
    from ._results import EstimateResult

    args = dict(
        gpu=text(gpu), count=text(count), power=text(power, "W"), cpu=text(cpu), cpus=text(cpus),
        memory=text(memory, "GB"), energy=text(energy, "kWh"), hours=text(hours), duration=text(duration, "s"),
        device_hours=text(device_hours), utilisation=text(utilisation), region=text(region), cloud=text(cloud),
        intensity=text(intensity, "g/kWh"), pue="" if pue is None else number(pue), year=int(year or 0),
        params=text(params), tokens=text(tokens), inference_tokens=text(inference_tokens), precision=text(precision),
        mfu=text(mfu), requests=text(requests), workload=text(workload), flops=text(flops),
        whole_node=bool(whole_node), date=text(date), pue_source=text(pue_source),
        facility_energy=text(facility_energy, "kWh"), price=text(price), instance=text(instance), node=text(node),
        market_based=text(market_based), active_params=text(active_params))
    report = _carbonscope.estimate(**args)
    import warnings
    for message in report.pop("_warnings", []):  # likely unit slips, as the CLI prints them
        warnings.warn(f"carbonscope: {message}", UserWarning, stacklevel=2)
    return EstimateResult(report)

"""carbonscope.track(): a tracker as a context manager, a decorator or with explicit
start()/stop(); named phases; snapshots while it runs; epochs with a forecast. The
sampling runs on a C++ thread that never takes the GIL; runs are written where
`carbonscope run` writes them (output_dir/<run id>/ and output_dir/emissions.csv)."""

import os
import sys

from . import _carbonscope
from ._args import number, text
from ._predict import Predictor
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
        elif self._predictor._open:
            self._predictor._open = False
            self._predictor.tracker.end_phase()
        return False


class Tracker:
    """Measures the energy and emissions of this process (scope="process", with its
    children) or of the whole machine (scope="machine"). See docs/python.md."""

    def __init__(self, project="", *, region=None, cloud=None, intensity=None, pue=None, year=0, interval=1.0,
                 output_dir="carbonscope-runs", scope="process", epochs=None, predict_after=1, budget_kg=None,
                 on_budget="warn", ledger=None):
        if scope not in ("process", "machine"):
            raise ValueError('scope must be "process" or "machine"')
        self._settings = dict(project=project, region=region, cloud=cloud, intensity=intensity, pue=pue, year=year,
                              interval=interval, output_dir=output_dir, scope=scope, epochs=epochs,
                              predict_after=predict_after, budget_kg=budget_kg, on_budget=on_budget,
                              ledger=ledger)
        self._output_dir = os.fspath(output_dir) if output_dir else ""
        # The same ledger as `carbonscope run` (None), another file (a path), or none (False).
        if ledger is False:
            self._ledger = ""
        elif ledger is None:
            self._ledger = _carbonscope.default_ledger_path()
        else:
            self._ledger = os.fspath(ledger)
        self._core = _carbonscope.Tracker(
            project=project or "", interval=text(interval, "s"), output_dir=self._output_dir,
            region=text(region), cloud=text(cloud), intensity=text(intensity, "g/kWh"),
            pue="" if pue is None else text(pue), year=int(year or 0),
            pid=os.getpid() if scope == "process" else None, command=[sys.executable, *sys.argv],
            ledger=self._ledger)
        self._predictor = Predictor(self, epochs, predict_after, budget_kg, on_budget)
        self._state = "new"
        self.result = None

    # -- life cycle ---------------------------------------------------------------
    def start(self):
        """Starts measuring (the first sample is the baseline); returns self."""
        if self._output_dir and self._output_dir not in _recovered:
            _recovered.add(self._output_dir)
            try:
                _carbonscope.recover_incomplete_runs(self._output_dir, self._ledger)
            except Exception:  # noqa: BLE001 - finishing old runs must never stop a new one
                pass
        self._core.start()
        self._state = "running"
        return self

    def stop(self, exit_code=None):
        """Stops, writes the run's files and returns the RunResult (also in .result)."""
        if self._predictor._open:
            self._predictor._open = False
            self._core.end_phase()
        report = self._core.stop(exit_code)
        self._state = "stopped"
        self.result = RunResult(report, self.phases, self._core.run_dir)
        return self.result

    def __enter__(self):
        return self.start()

    def __exit__(self, exc_type, exc, tb):
        code = None
        if exc_type is not None:
            code = 130 if issubclass(exc_type, KeyboardInterrupt) else 1
        try:
            self.stop(code)
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
        self._core.begin_phase(str(name))

    def end_phase(self):
        """Closes the innermost open phase; returns its PhaseResult."""
        return PhaseResult.from_dict(self._core.end_phase())

    @property
    def phases(self):
        """The closed phases, in the order they closed."""
        return [PhaseResult.from_dict(d) for d in self._core.phases()]

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

    # -- reading while it runs ------------------------------------------------------
    def snapshot(self):
        """The run so far (cheap: no sample is taken)."""
        return Snapshot(*self._core.snapshot())

    def factors(self):
        """{"pue": (central, low, high), "intensity_g_per_kwh": (central, low, high)}."""
        return self._core.factors()

    @property
    def run_id(self):
        return self._core.run_id

    @property
    def run_dir(self):
        """The run's directory (report.json, samples.csv, run.json), None without files."""
        return self._core.run_dir or None

    @property
    def running(self):
        return self._state == "running"

    def sensors(self):
        """One line per probed sensor backend, with why it was or was not used."""
        return list(self._core.sensor_lines())

    def __repr__(self):
        return f"<carbonscope.Tracker {self.run_id} {self._state}>"


def track(project="", **options):
    """A Tracker, not yet started: use it as `with track(...) as t:`, as a decorator
    `@track(...)`, or call .start() and .stop()."""
    return Tracker(project, **options)


def estimate(*, gpu=None, count=None, power=None, cpu=None, cpus=None, memory=None, energy=None, hours=None,
             duration=None, device_hours=None, utilisation=None, region=None, cloud=None, intensity=None, pue=None,
             year=0, params=None, tokens=None, inference_tokens=None, precision=None, mfu=None, requests=None):
    """What a job costs without running it (as `carbonscope estimate`). Numbers take the
    units power W, energy kWh, memory GB, duration s, intensity g/kWh; strings may
    carry their own ("400W", "3d4h", "80%"). params/tokens ("70B", 2e12) predict the time
    from compute (6ND; inference_tokens: 2N per token) at precision and mfu; requests
    adds per-request figures."""
    from ._results import EstimateResult

    report = _carbonscope.estimate(
        gpu=text(gpu), count=text(count), power=text(power, "W"), cpu=text(cpu), cpus=text(cpus),
        memory=text(memory, "GB"), energy=text(energy, "kWh"), hours=text(hours), duration=text(duration, "s"),
        device_hours=text(device_hours), utilisation=text(utilisation), region=text(region), cloud=text(cloud),
        intensity=text(intensity, "g/kWh"), pue="" if pue is None else number(pue), year=int(year or 0),
        params=text(params), tokens=text(tokens), inference_tokens=text(inference_tokens), precision=text(precision),
        mfu=text(mfu), requests=text(requests))
    return EstimateResult(report)

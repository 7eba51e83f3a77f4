"""carbonscope: energy use and carbon footprint of machine-learning work, measured by a
C++ tracker (no Python thread, no GIL held while sampling).

    with carbonscope.track(project="mnist", region="FR") as t:
        with t.phase("train"):
            train()
    print(t.result.emissions_kg, t.result.to_dict())

See docs/python.md for the whole API."""

from ._errors import (Ambiguous, CarbonscopeError, DataError, FailedPrecondition, InternalError,  # noqa: F401
                      InvalidArgument, IoError, NotFound, PermissionDenied, Unavailable)
from ._predict import BudgetExceeded, BudgetWarning, Prediction, Predictor, forecast  # noqa: F401
from ._results import EstimateResult, PhaseResult, Range, RunResult, Snapshot  # noqa: F401
from ._ranks import RankWarning  # noqa: F401
from ._track import LedgerWarning, Tracker, UnstoppedTrackerWarning, estimate, track, wait_recorded  # noqa: F401
from . import _carbonscope as _core
from ._carbonscope import (format_duration, format_emissions, format_emissions_range,  # noqa: F401
                           format_energy, format_energy_range, format_number, format_power)
from ._carbonscope import __version__  # noqa: F401  (CMake's project VERSION, through the C++ core)


def location(region=None, *, cloud=None, intensity=None, pue=None, year=0):
    """The intensity and PUE a region or cloud region resolves to, with provenance."""
    from ._args import number, text

    return _core.location(region=text(region), cloud=text(cloud), intensity=text(intensity, "g/kWh"),
                          pue="" if pue is None else number(pue), year=int(year or 0))


def accelerator(name):
    """An accelerator from the data tables (TDP, memory, TFLOP/s, source)."""
    return _core.accelerator(name)


def cpu(name):
    """A CPU model from the data tables (TDP, cores, source)."""
    return _core.cpu(name)


def sources():
    """The data sources every table row cites (id, title, publisher, url, licence, year)."""
    return _core.sources()


def load_ipython_extension(ipython):
    """`%load_ext carbonscope`: the %carbonscope and %%carbonscope magics (docs/python.md)."""
    from ._magic import load

    load(ipython)

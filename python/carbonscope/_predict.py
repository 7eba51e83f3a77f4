"""Epoch-aware forecasting in the spirit of carbontracker: after the first K epochs, the
whole run's energy, emissions and duration = what was spent so far + the remaining
epochs at the mean epoch cost. The range holds the measurement's own range (a CPU
model's x0.6..x1.4, for one) on both parts, and the spread of the epochs seen so far,
never less than MIN_EPOCH_SPREAD of the mean; then the PUE and intensity ranges. Above
a budget it warns, stops, or calls you back."""

from . import _carbonscope
from ._errors import CarbonscopeError
from ._results import PhaseResult, Range, _Plain

# The least spread assumed for the epochs still to come, as a fraction of the mean epoch
# (either way): one epoch, or a few equal ones, say little about the next ones.
MIN_EPOCH_SPREAD = 0.10


class BudgetWarning(UserWarning):
    """The forecast emissions exceed budget_kg (on_budget="warn")."""


class BudgetExceeded(CarbonscopeError):
    """The forecast emissions exceed budget_kg (on_budget="stop"); .prediction says by how much."""

    def __init__(self, message, prediction):
        super().__init__(message)
        self.prediction = prediction


class Prediction(_Plain):
    """Forecast of the whole run after `epochs_done` of `epochs` epochs."""

    __slots__ = ("epochs_done", "epochs", "energy_kwh", "energy_kwh_range", "emissions_kg", "emissions_kg_range",
                 "duration_s", "duration_s_range", "epoch_energy_kwh", "budget_kg")

    def __init__(self, **fields):
        for k in self.__slots__:
            setattr(self, k, fields.get(k))

    @property
    def over_budget(self):
        return self.budget_kg is not None and self.emissions_kg > self.budget_kg

    def __str__(self):
        e, m, d = self.energy_kwh_range, self.emissions_kg_range, self.duration_s_range
        duration = _carbonscope.format_duration
        return (f"after {self.epochs_done}/{self.epochs} epochs: predicted "
                f"{_carbonscope.format_energy_range(self.energy_kwh, e.low, e.high)}, "
                f"{_carbonscope.format_emissions_range(self.emissions_kg, m.low, m.high)}, "
                f"{duration(self.duration_s)} in all ({duration(d.low)} to {duration(d.high)})")


def _triple(value):
    """A number (exact) or a (central, low, high) triple, as a Range."""
    if isinstance(value, (int, float)):
        return Range(value, value, value)
    return Range(*value)


def _with_remaining(spent, per_epoch, remaining, min_spread, scale=(1.0, 1.0)):
    """spent (a Range) + the remaining epochs at the mean of per_epoch; the low bound at
    the cheapest epoch seen (at most the mean less min_spread), the high at the dearest
    (at least the mean plus min_spread), both also scaled by `scale` (low, high)."""
    mean = sum(per_epoch) / len(per_epoch)
    low = min(min(per_epoch), mean * (1 - min_spread))
    high = max(max(per_epoch), mean * (1 + min_spread))
    return Range(spent.central + mean * remaining, spent.low + low * scale[0] * remaining,
                 spent.high + high * scale[1] * remaining), mean


def forecast(so_far_kwh, so_far_s, epochs_done, epochs, epoch_kwh, epoch_s, pue, intensity_g_per_kwh,
             budget_kg=None, min_spread=MIN_EPOCH_SPREAD):
    """Pure forecast. so_far_kwh: the energy so far, a number or (central, low, high)
    with the measurement's range (Snapshot.energy_kwh_range), whose relative bounds also
    scale the remaining epochs; epoch_kwh/epoch_s: the completed epochs' energies and
    durations; pue and intensity_g_per_kwh: (central, low, high); min_spread: the least
    spread of the remaining epochs around their mean, as a fraction."""
    remaining = max(epochs - epochs_done, 0)
    spent = _triple(so_far_kwh)
    scale = (spent.low / spent.central, spent.high / spent.central) if spent.central > 0 else (1.0, 1.0)
    energy, mean = _with_remaining(spent, epoch_kwh, remaining, min_spread, scale)
    duration, _ = _with_remaining(_triple(so_far_s), epoch_s, remaining, min_spread)
    kg = _carbonscope.emissions_kg(tuple(energy), tuple(pue), tuple(intensity_g_per_kwh))
    return Prediction(epochs_done=epochs_done, epochs=epochs, energy_kwh=energy.central, energy_kwh_range=energy,
                      emissions_kg=kg[0], emissions_kg_range=Range(*kg), duration_s=duration.central,
                      duration_s_range=duration, epoch_energy_kwh=mean, budget_kg=budget_kg)


class Predictor:
    """Epochs of a tracked run as phases "epoch 1", "epoch 2", ... and the forecast after
    each one from `predict_after` on. Use through Tracker(epochs=...).epoch_start()/epoch_end()
    or directly: Predictor(tracker, epochs=10)."""

    def __init__(self, tracker, epochs=None, predict_after=1, budget_kg=None, on_budget="warn"):
        if predict_after < 1:
            raise ValueError("predict_after must be 1 or more")
        if not (on_budget in ("warn", "stop") or callable(on_budget)):
            raise ValueError('on_budget must be "warn", "stop" or a callable taking the Prediction')
        self.tracker = tracker
        self.epochs = epochs
        self.predict_after = predict_after
        self.budget_kg = budget_kg
        self.on_budget = on_budget
        self.epoch_results = []
        self.prediction = None
        self._open = False
        self._warned = False

    def epoch_start(self):
        if self._open:
            self.epoch_end()
        self.tracker.begin_phase(f"epoch {len(self.epoch_results) + 1}")
        self._open = True

    def close_open_epoch(self):
        """Closes an open epoch without forecasting (an exception left it, or the run stops)."""
        if self._open:
            self._open = False
            self.tracker.end_phase()

    def epoch_end(self):
        """Closes the epoch; returns the Prediction once there is one (else None)."""
        if not self._open:
            raise RuntimeError("epoch_end() without epoch_start()")
        self._open = False
        result = self.tracker.end_phase()
        if not isinstance(result, PhaseResult):
            result = PhaseResult.from_dict(result)
        self.epoch_results.append(result)
        done = len(self.epoch_results)
        if self.epochs is None or done < self.predict_after:
            return None
        snap = self.tracker.snapshot()
        factors = self.tracker.factors()
        self.prediction = forecast(tuple(snap.energy_kwh_range), snap.elapsed_s, done, self.epochs,
                                   [r.energy_kwh for r in self.epoch_results],
                                   [r.duration_s for r in self.epoch_results], factors["pue"],
                                   factors["intensity_g_per_kwh"], self.budget_kg)
        if self.prediction.over_budget:
            self._over_budget(self.prediction)
        return self.prediction

    def _over_budget(self, p):
        emissions = _carbonscope.format_emissions
        message = (f"carbonscope: forecast {emissions(p.emissions_kg)} CO2e exceeds the budget of "
                   f"{emissions(p.budget_kg)} ({p})")
        if callable(self.on_budget):
            self.on_budget(p)
        elif self.on_budget == "stop":
            raise BudgetExceeded(message, p)
        elif not self._warned:
            import warnings

            self._warned = True
            warnings.warn(message, BudgetWarning, stacklevel=3)

"""Epoch-aware forecasting in the spirit of carbontracker: after the first K epochs, the
whole run's energy, emissions and duration = what was spent so far + the remaining
epochs at the mean epoch cost, with a range from the cheapest and dearest epochs (and
the PUE and intensity ranges). Above a budget it warns, stops, or calls you back."""

from ._errors import CarbonscopeError
from ._results import PhaseResult, Range, _Plain


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
        e, m = self.energy_kwh_range, self.emissions_kg_range
        return (f"after {self.epochs_done}/{self.epochs} epochs: predicted {self.energy_kwh:.4g} kWh "
                f"({e.low:.4g} to {e.high:.4g}), {self.emissions_kg:.4g} kg CO2e ({m.low:.4g} to {m.high:.4g}), "
                f"{self.duration_s:.0f} s in all")


def forecast(so_far_kwh, so_far_s, epochs_done, epochs, epoch_kwh, epoch_s, pue, intensity_g_per_kwh,
             budget_kg=None):
    """Pure forecast. epoch_kwh/epoch_s: the completed epochs' energies and durations;
    pue and intensity_g_per_kwh: (central, low, high)."""
    remaining = max(epochs - epochs_done, 0)
    mean = sum(epoch_kwh) / len(epoch_kwh)
    energy = Range(so_far_kwh + mean * remaining, so_far_kwh + min(epoch_kwh) * remaining,
                   so_far_kwh + max(epoch_kwh) * remaining)
    duration = Range(so_far_s + sum(epoch_s) / len(epoch_s) * remaining, so_far_s + min(epoch_s) * remaining,
                     so_far_s + max(epoch_s) * remaining)
    kg = [e * p * ci / 1000.0 for e, p, ci in zip(energy, pue, intensity_g_per_kwh)]
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
        self.prediction = forecast(snap.energy_kwh, snap.elapsed_s, done, self.epochs,
                                   [r.energy_kwh for r in self.epoch_results],
                                   [r.duration_s for r in self.epoch_results], factors["pue"],
                                   factors["intensity_g_per_kwh"], self.budget_kg)
        if self.prediction.over_budget:
            self._over_budget(self.prediction)
        return self.prediction

    def _over_budget(self, p):
        message = f"carbonscope: forecast {p.emissions_kg:.4g} kg CO2e exceeds the budget of {p.budget_kg:.4g} kg ({p})"
        if callable(self.on_budget):
            self.on_budget(p)
        elif self.on_budget == "stop":
            raise BudgetExceeded(message, p)
        elif not self._warned:
            import warnings

            self._warned = True
            warnings.warn(message, BudgetWarning, stacklevel=3)

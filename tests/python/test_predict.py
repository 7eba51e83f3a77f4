"""Epoch forecasts (carbontracker-style) and budgets: the pure forecast, then epochs
of a tracked run with fake sensors."""

import warnings

import pytest

import carbonscope
from carbonscope import forecast


def test_forecast_is_spent_plus_remaining_epochs_at_their_mean_with_a_range():
    p = forecast(so_far_kwh=3.5, so_far_s=35, epochs_done=3, epochs=10, epoch_kwh=[1.0, 1.2, 0.8],
                 epoch_s=[10, 12, 8], pue=(1.2, 1.1, 1.4), intensity_g_per_kwh=(100, 80, 120))
    assert p.energy_kwh == pytest.approx(3.5 + 7 * 1.0)
    assert tuple(p.energy_kwh_range) == pytest.approx((10.5, 3.5 + 7 * 0.8, 3.5 + 7 * 1.2))
    assert p.emissions_kg == pytest.approx(10.5 * 1.2 * 100 / 1000)
    assert p.emissions_kg_range.low == pytest.approx((3.5 + 5.6) * 1.1 * 80 / 1000)
    assert p.emissions_kg_range.high == pytest.approx((3.5 + 8.4) * 1.4 * 120 / 1000)
    assert p.duration_s == pytest.approx(35 + 70) and p.duration_s_range.high == pytest.approx(35 + 84)
    assert not p.over_budget
    assert "after 3/10 epochs" in str(p)


def test_emissions_come_from_the_core_identity():
    """The forecast's emissions are the C++ accounting identity's (energy x PUE x
    intensity, bound by bound), not a Python copy of it."""
    kg = carbonscope._carbonscope.emissions_kg((2.0, 1.0, 3.0), (1.5, 1.2, 1.8), (400, 300, 500))
    assert kg == pytest.approx((2.0 * 1.5 * 400 / 1000, 1.0 * 1.2 * 300 / 1000, 3.0 * 1.8 * 500 / 1000))
    p = forecast(2.0, 20, 2, 4, [1.0, 1.0], [10, 10], (1.5, 1.2, 1.8), (400, 300, 500), min_spread=0)
    assert tuple(p.emissions_kg_range) == carbonscope._carbonscope.emissions_kg(
        tuple(p.energy_kwh_range), (1.5, 1.2, 1.8), (400, 300, 500))


def test_forecast_after_the_last_epoch_is_what_was_spent():
    p = forecast(2.0, 20, 4, 4, [0.5] * 4, [5] * 4, (1, 1, 1), (50, 50, 50), budget_kg=0.05)
    assert tuple(p.energy_kwh_range) == (2.0, 2.0, 2.0)
    assert p.emissions_kg == pytest.approx(0.1) and p.over_budget


def run_epochs(n, **options):
    with carbonscope.track(interval=0.02, output_dir=None, scope="machine", intensity=500, **options) as t:
        predictions = []
        for _ in range(n):
            with t.epoch() as e:
                spin(0.05)
            predictions.append(e.prediction)
    return t, predictions


def spin(seconds):
    import time

    end = time.perf_counter() + seconds
    while time.perf_counter() < end:
        pass


def test_epochs_are_phases_and_predictions_start_after_k(fake_sensors):
    t, predictions = run_epochs(4, epochs=4, predict_after=2)
    assert [p.name for p in t.epochs] == ["epoch 1", "epoch 2", "epoch 3", "epoch 4"]
    assert [p.name for p in t.result.phases] == [p.name for p in t.epochs]
    assert predictions[:1] == [None]
    first = predictions[1]
    assert first.epochs_done == 2 and first.epochs == 4
    # 45 W over each epoch's own measured duration (not its nominal 50 ms: a loaded
    # machine stretches the spin loop, and this test must not assert a timing).
    done = t.epochs[:2]
    mean_epoch_s = sum(p.duration_s for p in done) / 2
    assert first.epoch_energy_kwh == pytest.approx(45 * mean_epoch_s / 3.6e6, rel=0.25)
    assert first.energy_kwh_range.low <= first.energy_kwh <= first.energy_kwh_range.high
    # The forecast is what was spent (at least the two epochs) plus the two remaining
    # epochs at the mean so far.
    spent = sum(p.energy_kwh for p in done)
    assert first.energy_kwh == pytest.approx(spent + 2 * first.epoch_energy_kwh, rel=0.25)
    for p in t.epochs:
        assert p.energy_kwh == pytest.approx(45 * p.duration_s / 3.6e6, rel=0.25)
    assert t.prediction is predictions[-1]


def test_epoch_start_end_api(fake_sensors):
    with carbonscope.track(interval=0.02, output_dir=None, epochs=3, scope="machine") as t:
        for _ in range(3):
            t.epoch_start()
            spin(0.02)
            p = t.epoch_end()
            assert isinstance(p, carbonscope.Prediction)
    assert len(t.epochs) == 3
    with carbonscope.track(output_dir=None) as t:
        with pytest.raises(RuntimeError):
            t.epoch_end()


def test_without_epochs_there_is_no_forecast(fake_sensors):
    t, predictions = run_epochs(2)
    assert predictions == [None, None] and len(t.epochs) == 2


def test_budget_warns_once(fake_sensors):
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        t, predictions = run_epochs(3, epochs=1000, budget_kg=1e-9)
    budget = [w for w in caught if issubclass(w.category, carbonscope.BudgetWarning)]
    assert len(budget) == 1 and "exceeds the budget" in str(budget[0].message)
    assert predictions[0].over_budget


def test_budget_stop_raises_and_still_records(fake_sensors, tmp_path):
    with pytest.raises(carbonscope.BudgetExceeded) as info:
        with carbonscope.track(interval=0.02, output_dir=tmp_path, epochs=1000, budget_kg=1e-9,
                               on_budget="stop", scope="machine") as t:  # machine: never a zero share
            for _ in range(1000):
                with t.epoch():
                    spin(0.02)
    assert isinstance(info.value, carbonscope.CarbonscopeError)
    assert info.value.prediction.emissions_kg > 1e-9
    assert len(t.epochs) == 1 and t.result.to_dict()["run"]["exit_code"] == 1


def test_budget_callback(fake_sensors):
    seen = []
    run_epochs(2, epochs=100, budget_kg=1e-9, on_budget=seen.append)
    assert len(seen) == 2 and all(p.over_budget for p in seen)


def test_bad_budget_options():
    with pytest.raises(ValueError):
        carbonscope.track(output_dir=None, on_budget="explode")
    with pytest.raises(ValueError):
        carbonscope.track(output_dir=None, predict_after=0)


def test_one_epoch_gives_the_model_range_and_the_minimum_spread():
    # Spent 1 kWh with a CPU model's x0.6..x1.4; one epoch seen, two to come.
    p = forecast(so_far_kwh=(1.0, 0.6, 1.4), so_far_s=10, epochs_done=1, epochs=3, epoch_kwh=[1.0], epoch_s=[10],
                 pue=(1, 1, 1), intensity_g_per_kwh=(100, 100, 100))
    spread = carbonscope._predict.MIN_EPOCH_SPREAD
    assert p.energy_kwh == pytest.approx(3.0)
    assert p.energy_kwh_range.low == pytest.approx(0.6 + 2 * (1 - spread) * 0.6)
    assert p.energy_kwh_range.high == pytest.approx(1.4 + 2 * (1 + spread) * 1.4)
    assert p.duration_s_range.low == pytest.approx(10 + 2 * (1 - spread) * 10)
    assert p.duration_s_range.high == pytest.approx(10 + 2 * (1 + spread) * 10)
    # Never narrower than the model's own range, even with every epoch known.
    last = forecast((3.0, 1.8, 4.2), 30, 3, 3, [1.0] * 3, [10] * 3, (1, 1, 1), (100, 100, 100))
    assert tuple(last.energy_kwh_range) == pytest.approx((3.0, 1.8, 4.2))
    # Equal epochs with an exact meter: the width is the stated minimum spread, not zero.
    exact = forecast(2.0, 20, 2, 4, [1.0, 1.0], [10, 10], (1, 1, 1), (100, 100, 100))
    assert exact.energy_kwh_range.high - exact.energy_kwh_range.low == pytest.approx(2 * 2 * spread)


def test_prediction_prints_units_as_the_cli_does():
    p = forecast((1.674e-06, 1.0e-06, 2.3e-06), 3.0, 1, 3, [1.674e-06 / 2], [1.0], (1, 1, 1), (442, 442, 442))
    text = str(p)
    assert "e-0" not in text and "kg" not in text
    e, m = p.energy_kwh_range, p.emissions_kg_range
    # The core's range format, as the CLI prints it: the unit once, after the bounds.
    assert carbonscope.format_energy_range(p.energy_kwh, e.low, e.high) in text
    assert carbonscope.format_emissions_range(p.emissions_kg, m.low, m.high) in text and " mg" in text
    assert f"({carbonscope.format_energy(e.low)} to" not in text
    assert text.startswith("after 1/3 epochs: predicted ")


def test_the_last_forecast_is_as_wide_as_the_runs_range(tmp_path):
    # Real sensors: on a machine without RAPL the CPU model (x0.6..x1.4) is counted, and
    # the forecast after the last epoch must carry that range like the finished run.
    with carbonscope.track(interval=0.02, output_dir=None, epochs=2) as t:
        for _ in range(2):
            with t.epoch():
                spin(0.05)
    p, r = t.prediction, t.result
    assert r.energy_kwh > 0 and p.energy_kwh > 0
    assert p.energy_kwh_range.low / p.energy_kwh == pytest.approx(r.energy_kwh_range.low / r.energy_kwh, rel=0.05)
    assert p.energy_kwh_range.high / p.energy_kwh == pytest.approx(r.energy_kwh_range.high / r.energy_kwh, rel=0.05)
    snap = t.snapshot()
    assert snap.energy_kwh_range.low <= snap.energy_kwh <= snap.energy_kwh_range.high


def test_results_print_ranges_as_the_cli_does():
    # One number style: Python's str()/repr() and the CLI print a range the same way.
    assert carbonscope.format_energy_range(1.25e-5, 7.5e-6, 1.75e-5) == "12.5 mWh (7.50 to 17.5 mWh)"
    assert carbonscope.format_energy_range(1.25e-5, 1.25e-5, 1.25e-5) == "12.5 mWh"
    assert carbonscope.format_emissions_range(0.0303, 0.0292, 0.0312) == "30.3 g CO2e (29.2 to 31.2 g CO2e)"
    r = carbonscope.estimate(gpu="A100 SXM4 80GB", count=8, hours=12, utilisation="80%", region="FR")
    assert carbonscope.format_energy_range(r.energy_kwh, r.energy_kwh_range.low, r.energy_kwh_range.high) in repr(r)

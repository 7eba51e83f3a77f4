"""carbonscope.callbacks with stand-ins for Hugging Face Trainer, Lightning and Keras.

None of those frameworks is installable here (not in Debian 12), so each test calls the
callback's methods with the arguments and in the order the framework's documentation
gives. This tests carbonscope's code only, not the frameworks' use of it."""

import sys
import types

import pytest

from carbonscope import callbacks


@pytest.fixture(autouse=True)
def fake(monkeypatch):
    monkeypatch.setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W")


def options(tmp_path):
    return dict(project="cb", interval=0.02, output_dir=str(tmp_path), ledger=False, epochs=3, scope="machine")


def test_importable_without_the_frameworks():
    # Here none is installed: each callback is a plain class with the framework's method names.
    for cls, framework in ((callbacks.HuggingFaceCallback, "transformers"), (callbacks.LightningCallback, "lightning"),
                           (callbacks.KerasCallback, "keras")):
        if framework not in sys.modules:
            assert cls.__mro__[1] is object


def test_hugging_face_sequence(tmp_path):
    cb = callbacks.HuggingFaceCallback(**options(tmp_path))
    args, control = types.SimpleNamespace(), types.SimpleNamespace(should_training_stop=False)
    state = types.SimpleNamespace(is_world_process_zero=True, epoch=0)
    assert cb.on_train_begin(args, state, control) is control
    for epoch in range(3):
        cb.on_epoch_begin(args, state, control)
        sum(i * i for i in range(20000))
        cb.on_epoch_end(args, state, control, model=None)
    cb.on_train_end(args, state, control)
    assert cb.result is not None and [p.name for p in cb.result.phases] == ["epoch 1", "epoch 2", "epoch 3"]
    assert cb.tracker.prediction is not None and cb.tracker.prediction.epochs_done == 3


def test_hugging_face_other_ranks_do_not_track(tmp_path):
    cb = callbacks.HuggingFaceCallback(**options(tmp_path))
    state = types.SimpleNamespace(is_world_process_zero=False)
    cb.on_train_begin(None, state, None)
    cb.on_epoch_begin(None, state, None)
    cb.on_epoch_end(None, state, None)
    cb.on_train_end(None, state, None)
    assert cb.tracker is None and cb.result is None


def test_lightning_sequence(tmp_path):
    cb = callbacks.LightningCallback(**options(tmp_path))
    trainer, module = types.SimpleNamespace(is_global_zero=True), object()
    cb.on_train_start(trainer, module)
    for _ in range(2):
        cb.on_train_epoch_start(trainer, module)
        cb.on_train_epoch_end(trainer, module)
    cb.on_train_end(trainer, module)
    assert len(cb.result.phases) == 2 and cb.result.complete


def test_keras_sequence_adds_logs(tmp_path):
    cb = callbacks.KerasCallback(**options(tmp_path))
    cb.on_train_begin(logs={})
    logs = {"loss": 0.5}
    cb.on_epoch_begin(0, logs={})
    import time

    time.sleep(0.05)
    cb.on_epoch_end(0, logs=logs)
    assert logs["energy_kwh"] > 0 and logs["emissions_kg"] > 0 and logs["loss"] == 0.5
    cb.on_train_end(logs={})
    assert cb.result.energy_kwh >= logs["energy_kwh"]

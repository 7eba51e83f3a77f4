"""Training callbacks for Hugging Face Trainer, PyTorch Lightning and Keras: each run of
the framework's fit is one carbonscope run, each epoch a phase ("epoch N"), with the
forecast when epochs= is given. Written against their documented callback interfaces:

- HuggingFaceCallback: transformers.TrainerCallback's on_train_begin, on_epoch_begin,
  on_epoch_end, on_train_end(args, state, control, **kwargs); tracks on the world's
  process zero only (state.is_world_process_zero).
- LightningCallback: lightning's Callback on_train_start, on_train_epoch_start,
  on_train_epoch_end, on_train_end(trainer, pl_module); global rank zero only
  (trainer.is_global_zero).
- KerasCallback: keras.callbacks.Callback's on_train_begin(logs), on_epoch_begin(epoch,
  logs), on_epoch_end(epoch, logs), on_train_end(logs); adds "energy_kwh" and
  "emissions_kg" (the run so far) to the epoch's logs.

Each subclasses the framework's base class when that framework is installed, and plain
object otherwise, so this module imports without them. None of the three frameworks is
packaged in Debian 12, so the tests drive these classes with stand-ins calling the same
methods in the frameworks' order: a test of this code, not of the frameworks (docs/python.md).
All take track()'s keywords (project=, region=, epochs=, ...); .result is the RunResult."""

from ._track import track

__all__ = ["HuggingFaceCallback", "LightningCallback", "KerasCallback"]


def _base(*candidates):
    import importlib

    for module, name in candidates:
        try:
            return getattr(importlib.import_module(module), name)
        except Exception:  # noqa: BLE001 - not installed (or broken): a plain class
            continue
    return object


class _Run:
    """One tracked fit: start, epochs, stop."""

    def __init__(self, options):
        self.options = options
        self.tracker = None
        self.result = None
        self.in_epoch = False

    def begin(self):
        if self.tracker is None:
            self.tracker = track(**self.options).start()

    def epoch_begin(self):
        if self.tracker is not None and not self.in_epoch:
            self.tracker.epoch_start()
            self.in_epoch = True

    def epoch_end(self):
        if self.tracker is None:
            return None
        if not self.in_epoch:  # the framework has no epoch-begin hook here: the epoch ran since the last end
            self.tracker.epoch_start()
        self.in_epoch = False
        return self.tracker.epoch_end()

    def end(self):
        if self.tracker is not None and self.tracker.running:
            self.result = self.tracker.stop()
        return self.result


class HuggingFaceCallback(_base(("transformers", "TrainerCallback"))):
    """transformers.Trainer(callbacks=[HuggingFaceCallback(project="bert", region="FR")])."""

    def __init__(self, **track_options):
        self._run = _Run(track_options)

    @property
    def tracker(self):
        return self._run.tracker

    @property
    def result(self):
        return self._run.result

    def on_train_begin(self, args, state, control, **kwargs):
        if getattr(state, "is_world_process_zero", True):
            self._run.begin()
        return control

    def on_epoch_begin(self, args, state, control, **kwargs):
        self._run.epoch_begin()
        return control

    def on_epoch_end(self, args, state, control, **kwargs):
        self._run.epoch_end()
        return control

    def on_train_end(self, args, state, control, **kwargs):
        self._run.end()
        return control


class LightningCallback(_base(("lightning.pytorch", "Callback"), ("pytorch_lightning", "Callback"))):
    """lightning.Trainer(callbacks=[LightningCallback(project="lit", epochs=10)])."""

    def __init__(self, **track_options):
        self._run = _Run(track_options)

    @property
    def tracker(self):
        return self._run.tracker

    @property
    def result(self):
        return self._run.result

    def on_train_start(self, trainer, pl_module):
        if getattr(trainer, "is_global_zero", True):
            self._run.begin()

    def on_train_epoch_start(self, trainer, pl_module):
        self._run.epoch_begin()

    def on_train_epoch_end(self, trainer, pl_module):
        self._run.epoch_end()

    def on_train_end(self, trainer, pl_module):
        self._run.end()


class KerasCallback(_base(("keras.callbacks", "Callback"), ("tensorflow.keras.callbacks", "Callback"))):
    """model.fit(x, y, epochs=10, callbacks=[KerasCallback(project="keras", epochs=10)])."""

    def __init__(self, **track_options):
        if self.__class__.__mro__[1] is not object:
            super().__init__()
        self._run = _Run(track_options)

    @property
    def tracker(self):
        return self._run.tracker

    @property
    def result(self):
        return self._run.result

    def on_train_begin(self, logs=None):
        self._run.begin()

    def on_epoch_begin(self, epoch, logs=None):
        self._run.epoch_begin()

    def on_epoch_end(self, epoch, logs=None):
        self._run.epoch_end()
        if logs is not None and self._run.tracker is not None:
            s = self._run.tracker.snapshot()
            logs["energy_kwh"] = s.energy_kwh
            logs["emissions_kg"] = s.emissions_kg

    def on_train_end(self, logs=None):
        self._run.end()

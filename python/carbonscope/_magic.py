"""IPython magics: `%load_ext carbonscope`, then

    %%carbonscope [--project P] [--region R] [--cloud C] [--pue X] [--interval S] [--output-dir D] [--no-ledger]
    <a cell to measure>

    %carbonscope start [the same options]   # measure from here, across cells
    %carbonscope status                     # the run so far
    %carbonscope stop                       # finish it; prints the RunResult

The last result is `_carbonscope_result` in the notebook's namespace."""

import shlex

_OPTIONS = {"--project": "project", "--region": "region", "--cloud": "cloud", "--pue": "pue",
            "--intensity": "intensity", "--interval": "interval", "--output-dir": "output_dir", "--tag": "tags"}


def _parse(words):
    """Magic options -> track() keywords."""
    kwargs, tags = {}, []
    i = 0
    while i < len(words):
        w = words[i]
        if w == "--no-ledger":
            kwargs["ledger"] = False
            i += 1
            continue
        key = _OPTIONS.get(w)
        if key is None or i + 1 >= len(words):
            raise ValueError(f"%carbonscope: unknown option {w!r}; options: {', '.join(_OPTIONS)}, --no-ledger")
        value = words[i + 1]
        if key == "tags":
            tags.append(value)
        elif key in ("pue", "interval"):
            try:
                kwargs[key] = float(value)  # a bare number: track()'s unit (seconds for interval)
            except ValueError:
                kwargs[key] = value  # "100ms"
        else:
            kwargs[key] = value
        i += 2
    if tags:
        kwargs["tags"] = tags
    return kwargs


class _Magics:
    def __init__(self, shell):
        self.shell = shell
        self.tracker = None

    def _finish(self, tracker):
        result = tracker.stop()
        self.shell.user_ns["_carbonscope_result"] = result
        print(f"carbonscope: {result}")
        return result

    def magic(self, line, cell=None):
        from ._track import track

        words = shlex.split(line or "")
        if cell is not None:  # %%carbonscope: the cell is the run
            tracker = track(**_parse(words)).start()
            try:
                self.shell.run_cell(cell)
            finally:
                self._finish(tracker)
            return None
        command, rest = (words[0], words[1:]) if words else ("status", [])
        if command == "start":
            if self.tracker is not None and self.tracker.running:
                print(f"carbonscope: run {self.tracker.run_id} is already running; %carbonscope stop ends it")
                return None
            self.tracker = track(**_parse(rest)).start()
            print(f"carbonscope: measuring run {self.tracker.run_id}")
        elif command == "stop":
            if self.tracker is None or not self.tracker.running:
                print("carbonscope: nothing is running; %carbonscope start begins a run")
                return None
            tracker, self.tracker = self.tracker, None
            self._finish(tracker)
        elif command == "status":
            if self.tracker is None or not self.tracker.running:
                print("carbonscope: nothing is running")
                return None
            s = self.tracker.snapshot()
            from ._carbonscope import format_duration, format_emissions, format_energy, format_power

            print(f"carbonscope: run {self.tracker.run_id}: {format_duration(s.elapsed_s)}, "
                  f"{format_energy(s.energy_kwh)}, {format_emissions(s.emissions_kg)} CO2e, "
                  f"{format_power(s.power_w)} now{' (estimated)' if s.estimated else ''}")
            return s
        else:
            print(f"carbonscope: unknown command {command!r}: use start, stop or status")
        return None


def load(ipython):
    magics = _Magics(ipython)
    ipython.register_magic_function(magics.magic, "line_cell", "carbonscope")

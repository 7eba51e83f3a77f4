"""Plain result objects: Range, Snapshot, PhaseResult, RunResult and EstimateResult.
RunResult and EstimateResult wrap the report dict in the CLI's JSON schema
(carbonscope.report/1, docs/reference/json.md); to_dict() returns a copy of it. Their
repr() and str() print quantities with the C++ core's formatters, as the CLI does."""

from . import _carbonscope


def _energy(kwh, bounds=None):
    """ "12.5 mWh", or "12.5 mWh (7.50 to 17.5 mWh)" with a Range that is not exact (the core's format)."""
    if bounds is None:
        return _carbonscope.format_energy(kwh)
    return _carbonscope.format_energy_range(kwh, bounds.low, bounds.high)


def _emissions(kg, bounds=None):
    """ "30.3 g CO2e", or "30.3 g CO2e (29.2 to 31.2 g CO2e)" with a Range that is not exact."""
    if bounds is None:
        return _carbonscope.format_emissions(kg) + " CO2e"
    return _carbonscope.format_emissions_range(kg, bounds.low, bounds.high)


class _Plain:
    __slots__ = ()

    def __repr__(self):
        fields = ", ".join(f"{k}={getattr(self, k)!r}" for k in self.__slots__ if not k.startswith("_"))
        return f"{type(self).__name__}({fields})"

    def __eq__(self, other):
        return type(self) is type(other) and all(getattr(self, k) == getattr(other, k) for k in self.__slots__)


class Range(_Plain):
    """A central value with its low and high bounds (equal when exact)."""

    __slots__ = ("central", "low", "high")

    def __init__(self, central, low, high):
        self.central, self.low, self.high = central, low, high

    @classmethod
    def from_dict(cls, d):
        return cls(d["central"], d["low"], d["high"])

    def __iter__(self):
        return iter((self.central, self.low, self.high))


class Snapshot(_Plain):
    """The run so far: elapsed time, power over the last interval, IT energy (with the
    range of its sensors or models), emissions."""

    __slots__ = ("elapsed_s", "power_w", "energy_kwh", "emissions_kg", "estimated", "samples", "energy_kwh_range")

    def __init__(self, elapsed_s, power_w, energy_kwh, emissions_kg, estimated, samples, energy_kwh_range=None):
        self.elapsed_s, self.power_w, self.energy_kwh = elapsed_s, power_w, energy_kwh
        self.emissions_kg, self.estimated, self.samples = emissions_kg, estimated, samples
        self.energy_kwh_range = Range(*energy_kwh_range) if energy_kwh_range else Range(energy_kwh, energy_kwh,
                                                                                       energy_kwh)

    def __repr__(self):
        return (f"Snapshot({_carbonscope.format_duration(self.elapsed_s)}, {_carbonscope.format_power(self.power_w)}, "
                f"{_energy(self.energy_kwh, self.energy_kwh_range)}, {_emissions(self.emissions_kg)}"
                f"{', estimated' if self.estimated else ''}, {self.samples} samples)")


class PhaseResult(_Plain):
    """One named phase (or epoch): its duration, IT energy and emissions."""

    __slots__ = ("name", "duration_s", "energy_kwh", "emissions_kg")

    def __init__(self, name, duration_s, energy_kwh, emissions_kg):
        self.name, self.duration_s = name, duration_s
        self.energy_kwh, self.emissions_kg = energy_kwh, emissions_kg

    @classmethod
    def from_dict(cls, d):
        return cls(d["name"], d["duration_s"], d["energy_kwh"], d["emissions_kg"])

    def to_dict(self):
        return {k: getattr(self, k) for k in self.__slots__}

    def __repr__(self):
        return (f"PhaseResult({self.name!r}, {_carbonscope.format_duration(self.duration_s)}, "
                f"{_energy(self.energy_kwh)}, {_emissions(self.emissions_kg)})")


def _method(components):
    methods = {c.get("method") for c in components if c.get("component") != "total"}
    if len(methods) == 1:
        return methods.pop()
    return "mixed" if methods else "none"


class _ReportView:
    """Attributes over a carbonscope.report/1 dict."""

    def __init__(self, report):
        self._report = report
        f = report
        self.energy_kwh = f["energy_kwh"]["central"]
        self.energy_kwh_range = Range.from_dict(f["energy_kwh"])
        self.facility_energy_kwh = f["facility_energy_kwh"]["central"]
        self.emissions_kg = f["emissions_kg"]["central"]
        self.emissions_kg_range = Range.from_dict(f["emissions_kg"])
        self.intensity_g_per_kwh = f["intensity_g_per_kwh"]["central"]
        self.pue = f["pue"]["central"]
        self.components = f["components"]
        self.method = _method(self.components)
        self.notes = f.get("notes", [])
        self.duration_s = f["run"]["duration_s"]

    @property
    def provenance(self):
        """How each figure was obtained: per component, the intensity and the PUE."""
        keys = ("method", "source_id", "detail", "region", "year")
        pick = lambda d: {k: d[k] for k in keys if k in d}  # noqa: E731
        return {
            "energy": [dict(pick(c), component=c["component"], label=c.get("label", "")) for c in self.components],
            "intensity": pick(self._report["intensity_g_per_kwh"]),
            "pue": pick(self._report["pue"]),
        }

    def to_dict(self):
        """The report as report.json holds it (a deep copy)."""
        import copy

        return copy.deepcopy(self._report)

    def to_json(self, indent=2):
        import json

        return json.dumps(self._report, indent=indent)


class RunResult(_ReportView):
    """A finished run: energy, emissions, ranges, provenance, phases and its files."""

    def __init__(self, report, phases=(), run_dir=""):
        super().__init__(report)
        run = report["run"]
        self.run_id = run["id"]
        self.project = run.get("project", "")
        self.region = run.get("region", "")
        self.complete = run.get("complete", True)
        self.phases = list(phases)
        self.run_dir = run_dir or None
        # Under torchrun/srun with several ranks per node: this rank's part of the node's
        # run (carbonscope/_ranks.py), else None.
        self.rank_share = None
        # Requests counted (add_requests): totals, the fit and the per-request figures, as
        # report.json's "inference" object; None when none were counted.
        self.inference = report.get("inference")

    def __repr__(self):
        return (f"RunResult({self.run_id!r}, {_carbonscope.format_duration(self.duration_s)}, "
                f"{_energy(self.energy_kwh, self.energy_kwh_range)}, "
                f"{_emissions(self.emissions_kg, self.emissions_kg_range)}, {self.method}, "
                f"{len(self.phases)} phase{'' if len(self.phases) == 1 else 's'})")


class EstimateResult(_ReportView):
    """An estimate: the report fields plus equivalents, cleaner regions and assumptions."""

    def __init__(self, report):
        super().__init__(report)
        est = report.get("estimate", {})
        self.assumptions = est.get("assumptions", {})
        self.equivalents = est.get("equivalents", [])
        self.alternatives = est.get("alternatives", [])
        self.region = report["run"].get("region", "")
        # Whether the accelerators' host is counted ({"counted", "how", "would_add_it_energy_kwh"}),
        # the machine of instance=/node= (None without), and the market-based figure beside
        # the location-based one (None where no carbon-free-energy share applies).
        self.host = est.get("host", {})
        self.machine = est.get("machine")
        self.market_based = est.get("market_based")

    def __repr__(self):
        return (f"EstimateResult({_energy(self.energy_kwh, self.energy_kwh_range)}, "
                f"{_emissions(self.emissions_kg, self.emissions_kg_range)}, {self.region!r})")

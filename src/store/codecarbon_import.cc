// emissions.csv rows (any CodeCarbon version) -> Reports.
#include "store/codecarbon_import.h"

#include <cmath>
#include <cstdlib>
#include <functional>

#include <fmt/format.h>

#include "carbonscope/hourly.h"
#include "carbonscope/run_filter.h"
#include "core/utc_time.h"
#include "data/csv.h"
#include "formats/report_figures.h"

namespace carbonscope {
namespace {

class Row {
 public:
  Row(const CsvTable& t, std::size_t i) : t_(t), i_(i) {}
  std::string text(std::string_view col) const {
    const int c = t_.column(col);
    return c < 0 ? std::string() : std::string(t_.cell(i_, static_cast<std::size_t>(c)));
  }
  bool has(std::string_view col) const { return !text(col).empty(); }
  // A number, or `fallback` when the column is absent or empty; an error when it is not a number.
  Result<double> number(std::string_view col, double fallback = 0) const {
    const std::string s = text(col);
    if (s.empty()) return fallback;
    char* end = nullptr;
    const double v = std::strtod(s.c_str(), &end);
    if (*end != '\0' || !std::isfinite(v)) {
      return Status::data_error(
          fmt::format("{}:{}: {} '{}' is not a number", t_.name(), t_.line(i_), col, s));
    }
    return v;
  }
  int line() const { return t_.line(i_); }

 private:
  const CsvTable& t_;
  std::size_t i_;
};

// "2024-05-27T11:31:35", "2024-05-27T11:31:35.123456", "...+00:00": CodeCarbon writes
// local time without a zone in some versions; those are read as UTC.
Result<double> timestamp(const Row& r, const std::string& name) {
  std::string s = r.text("timestamp");
  if (const auto dot = s.find('.'); dot != std::string::npos && dot > 10) {
    auto end = dot + 1;
    while (end < s.size() && std::isdigit(static_cast<unsigned char>(s[end]))) ++end;
    s.erase(dot, end - dot);
  }
  auto t = parse_utc_time(s, /*assume_utc=*/true, /*allow_date=*/true);
  if (!t.ok())
    return Status::data_error(fmt::format("{}:{}: timestamp: {}", name, r.line(), t.status().message()));
  return static_cast<double>(*t);
}

Provenance codecarbon(const std::string& version, const std::string& what) {
  return {
      Method::kGiven, "",
      fmt::format(
          "CodeCarbon{} emissions.csv: {} (its RAPL/NVML reading or TDP model; the file does not say which)",
          version.empty() ? "" : " " + version, what),
      "", 0};
}

}  // namespace

bool looks_like_codecarbon_csv(std::string_view text) {
  const std::string_view first = text.substr(0, text.find('\n'));
  return first.find("duration") != std::string_view::npos &&
         first.find("emissions") != std::string_view::npos &&
         first.find("timestamp") != std::string_view::npos;
}

Result<std::vector<ImportedRun>> runs_from_codecarbon_csv(std::string_view name, std::string_view text) {
  CS_ASSIGN_OR_RETURN(CsvTable t, CsvTable::parse(name, text));
  CS_RETURN_IF_ERROR(t.require_columns({"timestamp", "duration", "emissions"}));
  if (t.column("energy_consumed") < 0 && t.column("cpu_energy") < 0) {
    return Status::data_error(fmt::format("{}: no energy column (energy_consumed or cpu_energy)", t.name()));
  }
  std::vector<ImportedRun> out;
  for (std::size_t i = 0; i < t.size(); ++i) {
    const Row r(t, i);
    const std::string where = fmt::format("{}:{}", t.name(), r.line());
    CS_ASSIGN_OR_RETURN(const double end, timestamp(r, std::string(name)));
    CS_ASSIGN_OR_RETURN(const double secs, r.number("duration"));
    CS_ASSIGN_OR_RETURN(const double kg, r.number("emissions"));
    CS_ASSIGN_OR_RETURN(const double cpu, r.number("cpu_energy"));
    CS_ASSIGN_OR_RETURN(const double gpu, r.number("gpu_energy"));
    CS_ASSIGN_OR_RETURN(const double ram, r.number("ram_energy"));
    const double parts = cpu + gpu + ram;
    CS_ASSIGN_OR_RETURN(const double total, r.number("energy_consumed", parts));
    CS_ASSIGN_OR_RETURN(const double pue_column, r.number("pue", 1.0));
    if (secs < 0 || kg < 0 || total < 0 || cpu < 0 || gpu < 0 || ram < 0) {
      return Status::data_error(fmt::format("{}: a negative duration, energy or emissions", where));
    }
    const std::string version = r.text("codecarbon_version");
    Report rep;
    RunInfo& run = rep.run;
    run.kind = RunKind::kRun;
    run.project = r.text("project_name");
    run.tags = {"codecarbon"};
    if (r.has("experiment_id")) run.tags.push_back(r.text("experiment_id"));
    if (r.has("run_id")) run.tags.push_back("codecarbon-run:" + r.text("run_id"));
    run.command = {};
    run.os = r.text("os");
    run.cpu_model = r.text("cpu_model");
    run.gpu_model = r.text("gpu_model");
    run.cpu_count = static_cast<int>(r.number("cpu_count").value_or(0));
    run.gpu_count = static_cast<int>(r.number("gpu_count").value_or(0));
    run.ram_gb = r.number("ram_total_size").value_or(0);
    run.place.country_name = r.text("country_name");
    run.place.country_iso3 = r.text("country_iso_code");
    run.place.subregion = r.text("region");
    run.place.cloud_provider = r.text("cloud_provider");
    run.place.cloud_region = r.text("cloud_region");
    run.region = !run.place.cloud_provider.empty()
                     ? fmt::format("{}:{}", run.place.cloud_provider, run.place.cloud_region)
                 : run.place.subregion.empty()
                     ? run.place.country_name
                     : fmt::format("{} ({})", run.place.country_name, run.place.subregion);
    run.machine_scope = r.text("tracking_mode") != "process";
    run.end_unix = end;
    run.start_unix = end - secs;
    run.duration = Duration(secs);
    run.complete = true;
    if (r.has("cpu_utilization_percent"))
      run.cpu_utilisation = r.number("cpu_utilization_percent").value_or(-100) / 100;
    // Energies: the parts as IT energy and energy_consumed as the facility's (CodeCarbon
    // 2.x+ multiplies by its pue); a 1.x row has the total only.
    std::vector<ComponentEnergy> comps;
    const auto add = [&](const char* component, double kwh, const char* what) {
      comps.push_back({component, fmt::format("CodeCarbon {}", component),
                       Range<Energy>::exact(Energy::kwh(kwh)), codecarbon(version, what)});
    };
    double pue = 1.0;
    if (parts > 0) {
      if (cpu > 0) add("cpu", cpu, "cpu_energy");
      if (gpu > 0) add("gpu", gpu, "gpu_energy");
      if (ram > 0) add("ram", ram, "ram_energy");
      pue = total > 0 ? total / parts : pue_column;
      if (!(pue >= 1.0 && pue <= 3.0)) pue = 1.0;  // the parts already included it (older 2.x)
    } else {
      add("other", total, "energy_consumed");
    }
    const double it_kwh = parts > 0 ? parts : total;
    PueFigure pf{Range<double>::exact(pue),
                 codecarbon(version, "pue implied by energy_consumed / its parts")};
    pf.provenance.detail =
        fmt::format("CodeCarbon's pue ({})", pue == 1.0 ? "1.0" : fmt::format("{:.3g}", pue));
    const double facility = it_kwh * pue;
    IntensityFigure intensity{
        Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(facility > 0 ? kg * 1000 / facility : 0)),
        codecarbon(version, "emissions / energy_consumed")};
    intensity.provenance.detail = fmt::format("CodeCarbon's intensity for {} (emissions / energy_consumed)",
                                              run.region.empty() ? "its location" : run.region);
    intensity.provenance.region = run.place.country_iso3;
    rep.footprint = compute_footprint(std::move(comps), pf, intensity);
    rep.footprint.emissions = Range<Emissions>::exact(Emissions::kg(kg));  // exactly CodeCarbon's figure
    rep.notes = {fmt::format("imported from CodeCarbon{} {} line {}", version.empty() ? "" : " " + version,
                             std::string(name), r.line())};
    if (r.has("timestamp") && r.text("timestamp").find_first_of("Z+") == std::string::npos) {
      rep.notes.push_back("the row's timestamp has no time zone; read as UTC");
    }
    // Ids derived from the row, so the same file imports once.
    const std::uint64_t bits = static_cast<std::uint64_t>(std::hash<std::string>{}(fmt::format(
        "{}|{}|{}|{}", r.text("run_id"), r.text("timestamp"), r.text("project_name"), r.text("duration"))));
    run.id = make_run_id(run.start_unix, bits);
    if (Status s = check_report_figures(rep); !s.ok()) return s.with_context(where);
    // Before the 48-bit run ids, an import's id was the UTC second and the low 24 bits of
    // the same hash ("-{:06x}"): a ledger filled by that version must not get the run twice.
    std::string earlier = fmt::format("{}-{:06x}", format_utc(run.start_unix, UtcFormat::kCompact), bits & 0xFFFFFFu);
    out.push_back({std::move(rep), {}, {std::move(earlier)}});
  }
  return out;
}

}  // namespace carbonscope

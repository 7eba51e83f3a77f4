// The JSON mapping of Report. Field names are part of the public schema: change them
// only with a new schema version.
#include "formats/report_json.h"

#include <cmath>
#include <ctime>

#include <fmt/format.h>

#include "carbonscope/run_filter.h"
#include "carbonscope/utf8.h"
#include "core/utc_time.h"
#include "formats/inference_json.h"

namespace carbonscope {
namespace {

using nlohmann::json;

Result<Method> method_from(const std::string& name) {
  for (Method m : {Method::kMeasured, Method::kEstimated, Method::kGiven, Method::kDefault, Method::kReference}) {
    if (method_name(m) == name) return m;
  }
  return Status::data_error(fmt::format("unknown method '{}'", name));
}

Result<Provenance> provenance_from(const json& j) {
  Provenance p;
  CS_ASSIGN_OR_RETURN(p.method, method_from(j.value("method", "")));
  p.source_id = j.value("source_id", "");
  p.detail = j.value("detail", "");
  p.region = j.value("region", "");
  p.year = j.value("year", 0);
  return p;
}

template <typename Q, typename Make>
Range<Q> range_from(const json& j, Make make) {
  return {make(j.at("central").get<double>()), make(j.at("low").get<double>()), make(j.at("high").get<double>())};
}

double kwh(Energy e) { return e.kwh(); }
double kg(Emissions m) { return m.kg(); }
double gpk(CarbonIntensity c) { return c.g_per_kwh(); }
double plain(double x) { return x; }

// Every string goes out as valid UTF-8 (invalid bytes as \xHH): the serializer throws
// on anything else.
std::string text(const std::string& s) { return escape_utf8(s); }
std::vector<std::string> texts(const std::vector<std::string>& v) {
  std::vector<std::string> out;
  out.reserve(v.size());
  for (const std::string& s : v) out.push_back(escape_utf8(s));
  return out;
}

}  // namespace

RunInfo with_utf8_text(RunInfo run) {
  for (std::string* s : {&run.id, &run.project, &run.host, &run.os, &run.cpu_model, &run.gpu_model, &run.region}) {
    *s = escape_utf8(*s);
  }
  run.tags = texts(run.tags);
  run.command = texts(run.command);
  return run;
}

json provenance_json(const Provenance& p) {
  json j = {{"method", std::string(method_name(p.method))}};
  if (!p.source_id.empty()) j["source_id"] = text(p.source_id);
  if (!p.detail.empty()) j["detail"] = text(p.detail);
  if (!p.region.empty()) j["region"] = text(p.region);
  if (p.year != 0) j["year"] = p.year;
  return j;
}

std::string iso8601_utc(double unix_seconds) {
  return unix_seconds == 0 ? "" : format_utc(unix_seconds, UtcFormat::kIso8601);
}

namespace {

json place_json(const Place& p) {
  json j = json::object();
  const auto put = [&j](const char* key, const std::string& value) {
    if (!value.empty()) j[key] = value;
  };
  put("zone", p.zone);
  put("country_name", p.country_name);
  put("country_iso3", p.country_iso3);
  put("subregion", p.subregion);
  put("cloud_provider", p.cloud_provider);
  put("cloud_region", p.cloud_region);
  return j;
}

Place place_from(const json& j) {
  Place p;
  p.zone = j.value("zone", "");
  p.country_name = j.value("country_name", "");
  p.country_iso3 = j.value("country_iso3", "");
  p.subregion = j.value("subregion", "");
  p.cloud_provider = j.value("cloud_provider", "");
  p.cloud_region = j.value("cloud_region", "");
  return p;
}

}  // namespace

json to_json(const Report& r) {
  const RunInfo& run = r.run;
  json jr = {{"id", text(run.id)},
             {"kind", std::string(run_kind_name(run.kind))},
             {"project", text(run.project)},
             {"tags", texts(run.tags)},
             {"command", texts(run.command)},
             {"host", text(run.host)},
             {"os", text(run.os)},
             {"cpu_model", text(run.cpu_model)},
             {"gpu_model", text(run.gpu_model)},
             {"cpu_count", run.cpu_count},
             {"gpu_count", run.gpu_count},
             {"ram_gb", run.ram_gb},
             {"region", text(run.region)},
             {"start", iso8601_utc(run.start_unix)},
             {"end", iso8601_utc(run.end_unix)},
             {"start_unix", run.start_unix},
             {"end_unix", run.end_unix},
             {"duration_s", run.duration.count()},
             {"exit_code", run.exit_code ? json(*run.exit_code) : json(nullptr)},
             {"complete", run.complete}};
  // Optional fields (absent in reports written before they existed).
  if (!place_json(run.place).empty()) jr["place"] = place_json(run.place);
  if (run.machine_scope != (run.kind != RunKind::kRun)) jr["scope"] = run.machine_scope ? "machine" : "process";
  if (run.cpu_utilisation >= 0) jr["cpu_utilisation"] = run.cpu_utilisation;
  const Footprint& f = r.footprint;
  json components = json::array();
  for (const ComponentEnergy& c : f.components) {
    json jc = {{"component", text(c.component)}, {"label", text(c.label)}, {"energy_kwh", range_json(c.energy, kwh)}};
    jc.update(provenance_json(c.provenance));
    components.push_back(std::move(jc));
  }
  json pue = range_json(f.pue.value, plain);
  pue.update(provenance_json(f.pue.provenance));
  json intensity = range_json(f.intensity.value, gpk);
  intensity.update(provenance_json(f.intensity.provenance));
  json power = json::array();
  for (const PowerSummary& p : r.power) {
    json jp = {{"component", text(p.component)}, {"mean_w", p.mean.watts()}, {"peak_w", p.peak.watts()},
               {"samples", p.samples}};
    if (p.machine_mean) jp["machine_mean_w"] = p.machine_mean->watts();
    if (p.machine_peak) jp["machine_peak_w"] = p.machine_peak->watts();
    power.push_back(std::move(jp));
  }
  json assumptions = json::array();
  for (const Assumption& a : r.assumptions) {
    json ja = range_json(a.value, plain);
    ja["name"] = a.name;
    ja.update(provenance_json(a.provenance));
    assumptions.push_back(std::move(ja));
  }
  json out = {{"schema", kReportSchema},
              {"run", std::move(jr)},
              {"energy_kwh", range_json(f.it_energy, kwh)},
              {"components", std::move(components)},
              {"pue", std::move(pue)},
              {"facility_energy_kwh", range_json(f.facility_energy, kwh)},
              {"intensity_g_per_kwh", std::move(intensity)},
              {"emissions_kg", range_json(f.emissions, kg)},
              {"power", std::move(power)},
              {"notes", texts(r.notes)}};
  if (!assumptions.empty()) out["assumptions"] = std::move(assumptions);
  if (r.inference) out["inference"] = inference_json(*r.inference, f);
  return out;
}

Result<Report> report_from_json(const json& j) {
  try {
    if (j.value("schema", "") != kReportSchema) {
      return Status::data_error(fmt::format("not a {} document (schema '{}')", kReportSchema, j.value("schema", "")));
    }
    Report r;
    const json& jr = j.at("run");
    r.run.id = jr.value("id", "");
    r.run.kind = parse_run_kind(jr.value("kind", "run")).value_or(RunKind::kRun);
    r.run.project = jr.value("project", "");
    r.run.tags = jr.value("tags", std::vector<std::string>{});
    r.run.command = jr.value("command", std::vector<std::string>{});
    r.run.host = jr.value("host", "");
    r.run.os = jr.value("os", "");
    r.run.cpu_model = jr.value("cpu_model", "");
    r.run.gpu_model = jr.value("gpu_model", "");
    r.run.cpu_count = jr.value("cpu_count", 0);
    r.run.gpu_count = jr.value("gpu_count", 0);
    r.run.ram_gb = jr.value("ram_gb", 0.0);
    r.run.region = jr.value("region", "");
    if (jr.contains("place") && jr["place"].is_object()) r.run.place = place_from(jr["place"]);
    r.run.machine_scope = jr.value("scope", r.run.kind == RunKind::kRun ? "process" : "machine") == "machine";
    if (jr.contains("cpu_utilisation") && jr["cpu_utilisation"].is_number()) {
      r.run.cpu_utilisation = jr["cpu_utilisation"].get<double>();
    }
    r.run.start_unix = jr.value("start_unix", 0.0);
    r.run.end_unix = jr.value("end_unix", 0.0);
    r.run.duration = Duration(jr.value("duration_s", 0.0));
    if (jr.contains("exit_code") && !jr["exit_code"].is_null()) r.run.exit_code = jr["exit_code"].get<int>();
    r.run.complete = jr.value("complete", true);

    Footprint& f = r.footprint;
    for (const json& jc : j.at("components")) {
      ComponentEnergy c;
      c.component = jc.value("component", "");
      c.label = jc.value("label", "");
      c.energy = range_from<Energy>(jc.at("energy_kwh"), [](double v) { return Energy::kwh(v); });
      CS_ASSIGN_OR_RETURN(c.provenance, provenance_from(jc));
      f.components.push_back(std::move(c));
    }
    f.it_energy = range_from<Energy>(j.at("energy_kwh"), [](double v) { return Energy::kwh(v); });
    f.pue.value = range_from<double>(j.at("pue"), plain);
    CS_ASSIGN_OR_RETURN(f.pue.provenance, provenance_from(j.at("pue")));
    f.facility_energy = range_from<Energy>(j.at("facility_energy_kwh"), [](double v) { return Energy::kwh(v); });
    f.intensity.value = range_from<CarbonIntensity>(j.at("intensity_g_per_kwh"), [](double v) { return CarbonIntensity::g_per_kwh(v); });
    CS_ASSIGN_OR_RETURN(f.intensity.provenance, provenance_from(j.at("intensity_g_per_kwh")));
    f.emissions = range_from<Emissions>(j.at("emissions_kg"), [](double v) { return Emissions::kg(v); });
    for (const json& jp : j.value("power", json::array())) {
      PowerSummary p;
      p.component = jp.value("component", "");
      p.mean = Power::watts(jp.value("mean_w", 0.0));
      p.peak = Power::watts(jp.value("peak_w", 0.0));
      p.samples = jp.value("samples", std::int64_t{0});
      if (jp.contains("machine_mean_w")) p.machine_mean = Power::watts(jp["machine_mean_w"].get<double>());
      if (jp.contains("machine_peak_w")) p.machine_peak = Power::watts(jp["machine_peak_w"].get<double>());
      r.power.push_back(std::move(p));
    }
    r.notes = j.value("notes", std::vector<std::string>{});
    for (const json& ja : j.value("assumptions", json::array())) {
      Assumption a;
      a.name = ja.value("name", "");
      a.value = range_from<double>(ja, plain);
      CS_ASSIGN_OR_RETURN(a.provenance, provenance_from(ja));
      r.assumptions.push_back(std::move(a));
    }
    if (j.contains("inference")) {
      CS_ASSIGN_OR_RETURN(r.inference, inference_from_json(j["inference"]));
    }
    return r;
  } catch (const json::exception& e) {
    return Status::data_error(fmt::format("malformed report JSON: {}", e.what()));
  }
}

}  // namespace carbonscope

// JSON documents <-> runs for `runs import` and `runs export --format json`, and the
// file reader of `runs import` (JSON or an emissions.csv, carbonscope/ledger.h).
#include "store/ledger_import.h"

#include <fmt/format.h>

#include "store/codecarbon_import.h"
#include "formats/json_text.h"
#include "formats/report_figures.h"
#include "formats/report_json.h"
#include "formats/report_shape.h"

namespace carbonscope {
namespace {

using nlohmann::json;

Result<std::vector<PowerSample>> samples_from(const json& j) {
  std::vector<PowerSample> out;
  if (!j.contains("samples")) return out;
  const json& s = j["samples"];
  if (!s.is_array()) return Status::data_error("\"samples\" must be an array of {t_s, component, power_w}");
  for (const json& p : s) {
    if (!p.is_object() || !p.contains("t_s") || !p.contains("power_w") || !p["t_s"].is_number() ||
        !p["power_w"].is_number()) {
      return Status::data_error("each sample needs numeric \"t_s\" and \"power_w\" and a \"component\"");
    }
    const std::string component = p.contains("component") && p["component"].is_string()
                                      ? p["component"].get<std::string>() : "other";
    PowerSample ps{p["t_s"].get<double>(), component, Power::watts(p["power_w"].get<double>()),
                   std::nullopt};
    if (p.contains("energy_j") && p["energy_j"].is_number()) ps.energy = Energy::joules(p["energy_j"].get<double>());
    out.push_back(std::move(ps));
  }
  return out;
}

Result<ImportedRun> run_from(const json& j, unsigned random_bits, const std::string& path) {
  CS_RETURN_IF_ERROR(check_report_shape(j, path));
  const auto in = [&path](const Status& s) { return path.empty() ? s : s.with_context(path); };
  Result<Report> decoded = report_from_json(j);
  if (!decoded.ok()) return in(decoded.status());
  Report report = std::move(decoded).value();
  Result<std::vector<PowerSample>> series = samples_from(j);
  if (!series.ok()) return in(series.status());
  std::vector<PowerSample> samples = std::move(series).value();
  if (Status s = check_report_figures(report); !s.ok()) return in(s);
  if (Status s = check_sample_figures(samples); !s.ok()) return in(s);
  if (report.run.id.empty()) report.run.id = make_run_id(report.run.start_unix, random_bits);
  return ImportedRun{std::move(report), std::move(samples)};
}

}  // namespace

Result<std::vector<ImportedRun>> runs_from_json(const json& doc, unsigned random_bits) {
  if (!doc.is_object()) return Status::data_error("expected a JSON object (a carbonscope report or runs export)");
  const auto it = doc.find("schema");
  if (it == doc.end() || !it->is_string()) {
    return Status::data_error(fmt::format("schema: expected a string ({}), got {}", kReportSchema,
                                          it == doc.end() ? "nothing" : json_type_name(*it)));
  }
  const std::string schema = it->get<std::string>();
  std::vector<ImportedRun> out;
  if (schema == kReportSchema) {
    CS_ASSIGN_OR_RETURN(ImportedRun run, run_from(doc, random_bits, ""));
    out.push_back(std::move(run));
    return out;
  }
  if (schema == kRunsExportSchema || schema == "carbonscope.report-bundle/1") {
    if (!doc.contains("runs") || !doc["runs"].is_array()) {
      return Status::data_error(fmt::format("runs: expected an array of reports, got {}",
                                            doc.contains("runs") ? json_type_name(doc["runs"]) : "nothing"));
    }
    unsigned n = 0;
    for (const json& j : doc["runs"]) {
      CS_ASSIGN_OR_RETURN(ImportedRun run, run_from(j, random_bits + n, fmt::format("run[{}]", n)));
      ++n;
      out.push_back(std::move(run));
    }
    return out;
  }
  return Status::data_error(fmt::format(
      "unknown document schema '{}': expected {}, {} or carbonscope.report-bundle/1", schema, kReportSchema,
      kRunsExportSchema));
}

Result<std::vector<RunRecord>> read_runs_file(const std::string& file, const std::string& text,
                                              unsigned random_bits) {
  const auto first = text.find_first_not_of(" \t\r\n\xef\xbb\xbf");
  if (first != std::string::npos && text[first] != '{' && looks_like_codecarbon_csv(text.substr(first))) {
    return runs_from_codecarbon_csv(file, text);
  }
  const auto doc = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (doc.is_discarded()) {
    return Status::data_error(fmt::format("{} is neither JSON (a carbonscope report or runs export) nor an "
                                          "emissions.csv (a header with timestamp, duration and emissions)", file));
  }
  Result<std::vector<ImportedRun>> runs = runs_from_json(doc, random_bits);
  if (!runs.ok()) return runs.status().with_context(file);
  return runs;
}

std::string runs_export_text(const std::vector<RunRecord>& runs, int indent) {
  return json_text(runs_export_json(runs), indent);
}

json runs_export_json(const std::vector<ImportedRun>& runs) {
  json arr = json::array();
  for (const ImportedRun& r : runs) {
    json j = to_json(r.report);
    if (!r.samples.empty()) {
      json s = json::array();
      for (const PowerSample& p : r.samples) {
        json jp = {{"t_s", p.t_s}, {"component", p.component}, {"power_w", p.power.watts()}};
        if (p.energy) jp["energy_j"] = p.energy->joules();
        s.push_back(std::move(jp));
      }
      j["samples"] = std::move(s);
    }
    arr.push_back(std::move(j));
  }
  return {{"schema", kRunsExportSchema}, {"runs", std::move(arr)}};
}

}  // namespace carbonscope

// carbonscope._carbonscope.estimate and the data-table look-ups: the same code as
// `carbonscope estimate` and `carbonscope data`, results as dicts in the CLI's JSON
// shapes, errors naming the keyword argument (gpu=..., device_hours=...).
#include <string>

#include <pybind11/stl.h>

#include "carbonscope/estimate_request.h"
#include "carbonscope/json.h"
#include "carbonscope/location.h"
#include "convert.h"
#include "data_source.h"

namespace py = pybind11;

namespace carbonscope::python {
namespace {

py::object estimate(const EstimateRequest& in) {
  EstimateRequest request = in;
  request.style = ArgStyle::kKeyword;
  const EstimateResult result = unwrap(run_estimate(*data_tables(), request));
  py::object out = from_json_text(estimate_json(result));
  // Likely unit slips, for warnings.warn on the Python side (not part of the report).
  out["_warnings"] = py::cast(result.warnings);
  return out;
}

// The text field of a request named by its keyword (the CLI's flag with _ for -);
// nullptr for an unknown name.
std::string* text_field(EstimateRequest& r, const std::string& name) {
  const std::pair<const char*, std::string EstimateRequest::*> fields[] = {
      {"gpu", &EstimateRequest::gpu},
      {"count", &EstimateRequest::count},
      {"power", &EstimateRequest::power},
      {"cpu", &EstimateRequest::cpu},
      {"cpus", &EstimateRequest::cpus},
      {"memory", &EstimateRequest::memory},
      {"energy", &EstimateRequest::energy},
      {"facility_energy", &EstimateRequest::facility_energy},
      {"hours", &EstimateRequest::hours},
      {"duration", &EstimateRequest::duration},
      {"device_hours", &EstimateRequest::device_hours},
      {"utilisation", &EstimateRequest::utilisation},
      {"params", &EstimateRequest::params},
      {"tokens", &EstimateRequest::tokens},
      {"inference_tokens", &EstimateRequest::inference_tokens},
      {"flops", &EstimateRequest::flops},
      {"active_params", &EstimateRequest::active_params},
      {"precision", &EstimateRequest::precision},
      {"mfu", &EstimateRequest::mfu},
      {"requests", &EstimateRequest::requests},
      {"workload", &EstimateRequest::workload},
      {"date", &EstimateRequest::date},
      {"pue_source", &EstimateRequest::pue_source},
      {"price", &EstimateRequest::price},
      {"instance", &EstimateRequest::instance},
      {"node", &EstimateRequest::node},
      {"market_based", &EstimateRequest::market_based},
  };
  for (const auto& [key, member] : fields) {
    if (name == key) return &(r.*member);
  }
  const std::pair<const char*, std::string LocationText::*> where[] = {{"region", &LocationText::region},
                                                                       {"cloud", &LocationText::cloud},
                                                                       {"intensity", &LocationText::intensity},
                                                                       {"pue", &LocationText::pue}};
  for (const auto& [key, member] : where) {
    if (name == key) return &(r.location.*member);
  }
  return nullptr;
}

py::dict provenance_dict(const Provenance& p) {
  py::dict d;
  d["method"] = std::string(method_name(p.method));
  d["source_id"] = p.source_id;
  d["detail"] = p.detail;
  d["region"] = p.region;
  d["year"] = p.year;
  return d;
}

py::dict location(const LocationText& text) {
  const Location l = unwrap(resolve_location_text(*data_tables(), text, ArgStyle::kKeyword));
  py::dict d;
  d["label"] = l.label;
  d["zone"] = l.zone;
  d["provider"] = l.provider;
  d["intensity_g_per_kwh"] = py::make_tuple(l.intensity.value.central.g_per_kwh(),
                                            l.intensity.value.low.g_per_kwh(), l.intensity.value.high.g_per_kwh());
  d["intensity_provenance"] = provenance_dict(l.intensity.provenance);
  d["pue"] = py::make_tuple(l.pue.value.central, l.pue.value.low, l.pue.value.high);
  d["pue_provenance"] = provenance_dict(l.pue.provenance);
  d["notes"] = l.notes;
  return d;
}

// The records of `carbonscope data hardware|cpus --json`, from the one function each.
py::object accelerator(const std::string& name) {
  return from_json_text(accelerator_json(*unwrap(data_tables()->find_accelerator(name))));
}

py::object cpu(const std::string& name) {
  return from_json_text(cpu_json(*unwrap(data_tables()->find_cpu(name))));
}

py::list sources() {
  py::list out;
  for (const Source& s : data_tables()->sources()) {
    py::dict d;
    d["id"] = s.id;
    d["title"] = s.title;
    d["publisher"] = s.publisher;
    d["url"] = s.url;
    d["licence"] = s.licence;
    d["year"] = s.year;
    out.append(d);
  }
  return out;
}

}  // namespace

void bind_estimate(py::module_& m) {
  m.def(
      "estimate",
      [](const py::kwargs& kwargs) {
        EstimateRequest r;
        for (const auto& [key, value] : kwargs) {
          const std::string name = py::cast<std::string>(key);
          if (name == "year") {
            r.location.year = py::cast<int>(value);
          } else if (name == "whole_node") {
            r.whole_node = py::cast<bool>(value);
          } else if (std::string* field = text_field(r, name)) {
            *field = py::cast<std::string>(value);
          } else {
            throw py::type_error("estimate() got an unexpected keyword argument '" + std::string(name) + "'");
          }
        }
        return estimate(r);
      },
      "Estimate from text keyword arguments (the CLI's options with _ for -); returns the report dict with an "
      "'estimate' object.");
  m.def(
      "location",
      [](std::string region, std::string cloud, std::string intensity, std::string pue, int year) {
        return location({std::move(region), std::move(cloud), std::move(intensity), std::move(pue), year});
      },
      py::kw_only(), py::arg("region") = "", py::arg("cloud") = "", py::arg("intensity") = "", py::arg("pue") = "",
      py::arg("year") = 0);
  m.def("accelerator", &accelerator, py::arg("name"));
  m.def("cpu", &cpu, py::arg("name"));
  m.def("sources", &sources);
}

}  // namespace carbonscope::python

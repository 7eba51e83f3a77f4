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

py::dict accelerator(const std::string& name) {
  const Accelerator* a = unwrap(data_tables()->find_accelerator(name));
  py::dict d;
  d["name"] = a->name;
  d["vendor"] = a->vendor;
  d["kind"] = a->kind;
  d["form_factor"] = a->form_factor;
  d["tdp_w"] = a->tdp_w;
  d["memory_gb"] = a->memory_gb;
  d["tflops"] = a->tflops;
  d["release_year"] = a->release_year;
  d["embodied_kg"] = a->embodied_kg ? py::object(py::float_(*a->embodied_kg)) : py::object(py::none());
  d["source_id"] = a->source_id;
  return d;
}

py::dict cpu(const std::string& name) {
  const Cpu* c = unwrap(data_tables()->find_cpu(name));
  py::dict d;
  d["name"] = c->name;
  d["vendor"] = c->vendor;
  d["tdp_w"] = c->tdp_w;
  d["cores"] = c->cores;
  d["threads"] = c->threads;
  d["source_id"] = c->source_id;
  return d;
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
      [](std::string gpu, std::string count, std::string power, std::string cpu_name, std::string cpus,
         std::string memory, std::string energy, std::string hours, std::string duration, std::string device_hours,
         std::string utilisation, std::string region, std::string cloud, std::string intensity, std::string pue,
         int year, std::string params, std::string tokens, std::string inference_tokens, std::string precision,
         std::string mfu, std::string requests) {
        EstimateRequest r;
        r.gpu = std::move(gpu);
        r.count = std::move(count);
        r.power = std::move(power);
        r.cpu = std::move(cpu_name);
        r.cpus = std::move(cpus);
        r.memory = std::move(memory);
        r.energy = std::move(energy);
        r.hours = std::move(hours);
        r.duration = std::move(duration);
        r.device_hours = std::move(device_hours);
        r.utilisation = std::move(utilisation);
        r.params = std::move(params);
        r.tokens = std::move(tokens);
        r.inference_tokens = std::move(inference_tokens);
        r.precision = std::move(precision);
        r.mfu = std::move(mfu);
        r.requests = std::move(requests);
        r.location = {std::move(region), std::move(cloud), std::move(intensity), std::move(pue), year};
        return estimate(r);
      },
      py::kw_only(), py::arg("gpu") = "", py::arg("count") = "", py::arg("power") = "", py::arg("cpu") = "",
      py::arg("cpus") = "", py::arg("memory") = "", py::arg("energy") = "", py::arg("hours") = "",
      py::arg("duration") = "", py::arg("device_hours") = "", py::arg("utilisation") = "", py::arg("region") = "",
      py::arg("cloud") = "", py::arg("intensity") = "", py::arg("pue") = "", py::arg("year") = 0,
      py::arg("params") = "", py::arg("tokens") = "", py::arg("inference_tokens") = "", py::arg("precision") = "",
      py::arg("mfu") = "", py::arg("requests") = "",
      "Estimate as text arguments; returns the report dict with an 'estimate' object.");
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

// The reference shape of a report is to_json of a report with every optional field set,
// so the check follows the writer as fields are added.
#include "formats/report_shape.h"

#include <fmt/format.h>

#include "formats/report_json.h"

namespace carbonscope {
namespace {

using nlohmann::json;

const json& reference_shape() {
  static const json shape = [] {
    Report r;
    r.run.id = "x";
    r.run.tags = {"t"};
    r.run.command = {"c"};
    r.run.exit_code = 0;
    r.run.cpu_utilisation = 0.5;
    r.run.machine_scope = true;
    r.run.place = Place{"z", "c", "c", "s", "p", "r"};
    Provenance p{Method::kMeasured, "s", "d", "r", 2000};
    r.footprint.components.push_back({"cpu", "label", {}, p});
    r.footprint.pue.provenance = p;
    r.footprint.intensity.provenance = p;
    r.power.push_back({"cpu", Power::watts(1), Power::watts(1), 1});
    r.notes = {"n"};
    json j = to_json(r);
    j["samples"] = json::array({{{"t_s", 0.0}, {"component", "cpu"}, {"power_w", 1.0}, {"energy_j", 1.0}}});
    return j;
  }();
  return shape;
}

bool same_kind(const json& ref, const json& value) {
  if (ref.is_number()) return value.is_number();
  if (ref.is_string()) return value.is_string();
  if (ref.is_boolean()) return value.is_boolean();
  if (ref.is_array()) return value.is_array();
  if (ref.is_object()) return value.is_object();
  return true;  // null in the reference: any value
}

std::string join(const std::string& path, const std::string& key) { return path.empty() ? key : path + "." + key; }

// Fields the writer sets to null when they have no value.
bool nullable(const std::string& path) { return path.ends_with("exit_code"); }

Status check(const json& ref, const json& value, const std::string& path) {
  if (value.is_null() && nullable(path)) return Status::ok_status();
  if (!same_kind(ref, value)) {
    return Status::data_error(fmt::format("{}: expected {}, got {}", path.empty() ? "the document" : path,
                                          json_type_name(ref), json_type_name(value)));
  }
  if (ref.is_object()) {
    for (const auto& [key, v] : value.items()) {
      const auto it = ref.find(key);
      if (it == ref.end()) continue;  // unknown fields are ignored by the decoder
      CS_RETURN_IF_ERROR(check(*it, v, join(path, key)));
    }
  } else if (ref.is_array() && !ref.empty()) {
    for (std::size_t i = 0; i < value.size(); ++i) {
      CS_RETURN_IF_ERROR(check(ref.front(), value[i], fmt::format("{}[{}]", path, i)));
    }
  }
  return Status::ok_status();
}

}  // namespace

std::string json_type_name(const json& value) {
  switch (value.type()) {
    case json::value_t::null: return "null";
    case json::value_t::object: return "an object";
    case json::value_t::array: return "an array";
    case json::value_t::string: return "a string";
    case json::value_t::boolean: return "true or false";
    case json::value_t::binary: return "binary data";
    case json::value_t::discarded: return "nothing";
    default: return "a number";
  }
}

Status check_report_shape(const json& doc, const std::string& path) { return check(reference_shape(), doc, path); }

}  // namespace carbonscope

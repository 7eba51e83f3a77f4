// JSON text, never throwing: the serialiser with its replacing error handler, and the
// public text API of carbonscope/json.h over the report and estimate mappings.
#include "formats/json_text.h"

#include "carbonscope/json.h"
#include "formats/estimate_json.h"
#include "formats/lca_json.h"
#include "formats/report_json.h"

namespace carbonscope {

std::string json_text(const nlohmann::json& j, int indent) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

std::string report_json(const Report& report, int indent) { return json_text(to_json(report), indent); }

Result<Report> parse_report_json(std::string_view text) {
  const nlohmann::json j = nlohmann::json::parse(text, nullptr, /*allow_exceptions=*/false);
  if (j.is_discarded()) return Status::data_error("not JSON: expected a carbonscope.report/1 document");
  return report_from_json(j);
}

std::string estimate_json(const EstimateResult& result, int indent) {
  return json_text(estimate_to_json(result), indent);
}

std::string lca_json(const LcaResult& result, int indent) { return json_text(lca_to_json(result), indent); }

}  // namespace carbonscope

// The data tables' accelerator and CPU records as JSON text (carbonscope/json.h): the
// one shape of `carbonscope data hardware|cpus --json` and Python's accelerator()/cpu().
#include "carbonscope/json.h"
#include "formats/json_text.h"

namespace carbonscope {

std::string accelerator_json(const Accelerator& a, int indent) {
  const nlohmann::json j = {
      {"name", a.name},
      {"vendor", a.vendor},
      {"kind", a.kind},
      {"form_factor", a.form_factor},
      {"tdp_w", a.tdp_w},
      {"memory_gb", a.memory_gb},
      {"tflops", a.tflops},
      {"release_year", a.release_year},
      {"embodied_kg", a.embodied_kg ? nlohmann::json(*a.embodied_kg) : nlohmann::json()},
      {"aliases", a.aliases},
      {"source_id", a.source_id},
  };
  return json_text(j, indent);
}

std::string cpu_json(const Cpu& c, int indent) {
  const nlohmann::json j = {
      {"name", c.name},   {"vendor", c.vendor},   {"tdp_w", c.tdp_w},
      {"cores", c.cores}, {"threads", c.threads}, {"source_id", c.source_id},
  };
  return json_text(j, indent);
}

}  // namespace carbonscope

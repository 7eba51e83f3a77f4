// requests.csv's text.
#include "formats/requests_csv.h"

#include <fmt/format.h>

namespace carbonscope {

std::string requests_csv(const std::vector<RequestInterval>& intervals) {
  std::string out = "t_s,dt_s,energy_j,requests,input_tokens,output_tokens\n";
  for (const RequestInterval& iv : intervals) {
    out += fmt::format("{:.3f},{:.3f},{:.6g},{},{},{}\n", iv.t_s, iv.dt_s, iv.energy_j, iv.work.requests,
                       iv.work.input_tokens, iv.work.output_tokens);
  }
  return out;
}

}  // namespace carbonscope

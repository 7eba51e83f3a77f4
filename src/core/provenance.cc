// Names of provenance methods, as they appear in every output format.
#include "carbonscope/provenance.h"

namespace carbonscope {

std::string_view method_name(Method m) {
  switch (m) {
    case Method::kMeasured: return "measured";
    case Method::kEstimated: return "estimated";
    case Method::kGiven: return "given";
    case Method::kDefault: return "default";
    case Method::kReference: return "reference";
  }
  return "unknown";
}

}  // namespace carbonscope

// The one source of the installable libcarbonscope itself; everything else comes from
// the layer libraries it is linked from (see CMakeLists.txt beside this file).
#include "carbonscope/version.h"

namespace carbonscope {

std::string_view version() { return CARBONSCOPE_VERSION; }

}  // namespace carbonscope

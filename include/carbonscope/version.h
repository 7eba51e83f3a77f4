// The library's version, as installed (carbonscope.pc and carbonscopeConfigVersion.cmake
// carry the same string).
#pragma once

#include <string_view>

namespace carbonscope {

// "MAJOR.MINOR.PATCH" of the libcarbonscope this program runs against.
std::string_view version();

}  // namespace carbonscope

// The version string: CMake's project(VERSION), passed to this one file
// (src/core/CMakeLists.txt); the CLI's --version, Python's __version__ and the library
// report it, and carbonscope.pc and carbonscopeConfigVersion.cmake carry the same.
#include "carbonscope/version.h"

namespace carbonscope {

std::string_view version() { return CARBONSCOPE_VERSION; }

}  // namespace carbonscope

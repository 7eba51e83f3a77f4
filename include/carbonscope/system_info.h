// Facts about this machine that front ends label or scale figures with: its host and OS
// names (a report's host, Prometheus's node_name) and the kernel's clock tick (the unit
// of /proc and cgroup CPU times). From the C library, not from files.
#pragma once

#include <string>

namespace carbonscope {

std::string host_name();       // "unknown" when gethostname fails
std::string os_description();  // "Linux-6.1.0-18-amd64-x86_64"
long clock_ticks_per_second();  // sysconf(_SC_CLK_TCK), 100 when it cannot say

}  // namespace carbonscope

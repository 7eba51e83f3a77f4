// Facts about this machine and process that come from the C library rather than from
// files: page size, clock ticks, host and OS names, whether a pid is alive.
#pragma once

#include <string>

namespace carbonscope {

long page_size_bytes();
long clock_ticks_per_second();
int online_cpu_count();
std::string host_name();
std::string os_description();  // "Linux-6.1.0-18-amd64-x86_64"
bool process_alive(int pid);
int current_pid();

}  // namespace carbonscope

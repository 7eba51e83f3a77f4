// Facts about this machine and process that come from the C library rather than from
// files: page size, CPU count, whether a pid is alive, this process's pid and its
// parent's. The host, OS and clock-tick facts, which front ends use too, are public
// (carbonscope/system_info.h).
#pragma once

#include "carbonscope/system_info.h"

namespace carbonscope {

long page_size_bytes();
int online_cpu_count();
bool process_alive(int pid);
int current_pid();
int parent_pid();

}  // namespace carbonscope

// sysconf, uname, gethostname, kill(pid, 0), getpid/getppid.
#include "platform/system_info.h"

#include <signal.h>
#include <sys/utsname.h>
#include <unistd.h>

#include <cerrno>

#include <fmt/format.h>

namespace carbonscope {

long page_size_bytes() {
  static const long kPage = ::sysconf(_SC_PAGESIZE);
  return kPage > 0 ? kPage : 4096;
}

long clock_ticks_per_second() {
  static const long kTicks = ::sysconf(_SC_CLK_TCK);
  return kTicks > 0 ? kTicks : 100;
}

int online_cpu_count() {
  const long n = ::sysconf(_SC_NPROCESSORS_ONLN);
  return n > 0 ? static_cast<int>(n) : 1;
}

std::string host_name() {
  char buf[256] = {};
  if (::gethostname(buf, sizeof buf - 1) != 0) return "unknown";
  return buf;
}

std::string os_description() {
  struct utsname u {};
  if (::uname(&u) != 0) return "unknown";
  return fmt::format("{}-{}-{}", u.sysname, u.release, u.machine);
}

bool process_alive(int pid) {
  if (pid <= 0) return false;
  return ::kill(pid, 0) == 0 || errno == EPERM;
}

int current_pid() { return static_cast<int>(::getpid()); }

int parent_pid() { return static_cast<int>(::getppid()); }

}  // namespace carbonscope

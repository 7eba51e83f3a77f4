// Hypervisor detection: the CPU flag says "virtual", DMI or /sys/hypervisor say which.
// A cloud provider's bare-metal instance has a vendor DMI string but no CPU flag, so a
// vendor name alone ("Amazon EC2") does not make a VM.
#include "sensors/hypervisor.h"

#include <algorithm>
#include <cctype>
#include <string_view>

#include <fmt/format.h>

namespace carbonscope {
namespace {

std::string trimmed(std::string s) {
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.back()))) s.pop_back();
  while (!s.empty() && std::isspace(static_cast<unsigned char>(s.front()))) s.erase(s.begin());
  return s;
}

bool contains(std::string_view haystack, std::string_view needle) {
  return std::search(haystack.begin(), haystack.end(), needle.begin(), needle.end(), [](char a, char b) {
           return std::tolower(static_cast<unsigned char>(a)) == std::tolower(static_cast<unsigned char>(b));
         }) != haystack.end();
}

// The `hypervisor` word on a "flags" line of /proc/cpuinfo.
bool cpu_flag(const FileReader& proc) {
  auto info = proc.read_static("/proc/cpuinfo");
  if (!info.ok()) return false;
  std::string_view rest = *info;
  while (!rest.empty()) {
    const auto nl = rest.find('\n');
    std::string_view line = rest.substr(0, nl);
    rest = nl == std::string_view::npos ? std::string_view{} : rest.substr(nl + 1);
    if (line.rfind("flags", 0) != 0) continue;
    const auto colon = line.find(':');
    if (colon == std::string_view::npos) continue;
    std::string_view flags = line.substr(colon + 1);
    for (std::size_t at = flags.find("hypervisor"); at != std::string_view::npos;
         at = flags.find("hypervisor", at + 1)) {
      const bool start = at == 0 || flags[at - 1] == ' ' || flags[at - 1] == '\t';
      const std::size_t end = at + 10;
      if (start && (end == flags.size() || flags[end] == ' ' || flags[end] == '\t')) return true;
    }
  }
  return false;
}

// A hypervisor's name from DMI, for the products and vendors that name one.
std::string dmi_name(const FileReader& sys) {
  struct Known {
    const char* needle;
    const char* name;
  };
  static constexpr Known kKnown[] = {{"KVM", "KVM"},           {"QEMU", "QEMU"},       {"VMware", "VMware"},
                                     {"VirtualBox", "VirtualBox"}, {"innotek", "VirtualBox"},
                                     {"Virtual Machine", "Hyper-V"}, {"Microsoft Corporation", "Hyper-V"},
                                     {"HVM domU", "Xen"},     {"Xen", "Xen"},         {"Bochs", "Bochs"},
                                     {"Parallels", "Parallels"}, {"Google Compute Engine", "Google Compute Engine"},
                                     {"OpenStack", "OpenStack"}};
  for (const char* file : {"/sys/class/dmi/id/product_name", "/sys/class/dmi/id/sys_vendor"}) {
    auto v = sys.read(file);
    if (!v.ok()) continue;
    for (const Known& k : kKnown) {
      if (contains(*v, k.needle)) return k.name;
    }
  }
  return "";
}

}  // namespace

std::string detect_hypervisor(const FileReader& sys, const FileReader& proc) {
  const bool flag = cpu_flag(proc);
  const std::string dmi = dmi_name(sys);
  std::string type;
  if (auto t = sys.read("/sys/hypervisor/type"); t.ok()) type = trimmed(*t);
  if (!flag && type.empty() && dmi.empty()) return "";
  if (!dmi.empty()) return dmi;
  if (!type.empty()) return type == "xen" ? "Xen" : type;
  return "a hypervisor";
}

std::string rapl_rejection(const Status& rejected, const std::string& hypervisor) {
  if (hypervisor.empty() || rejected.code() != StatusCode::kUnavailable) return rejected.message();
  const std::string vm = hypervisor == "a hypervisor" ? "this virtual machine"
                                                      : fmt::format("this virtual machine ({})", hypervisor);
  return fmt::format("RAPL is not exposed to {}: hypervisors do not pass the CPU's energy counters through, so "
                     "loading a driver will not help; the CPU model estimates instead (measure on the host or a "
                     "bare-metal instance)", vm);
}

}  // namespace carbonscope

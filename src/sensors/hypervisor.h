// Is this a virtual machine? Hypervisors almost never pass RAPL through, so on a VM
// "modprobe intel_rapl_msr" is the wrong advice: the rejection of the RAPL backends
// says that RAPL is not exposed here instead. Read through the file readers, so the
// fixtures under tests/fixtures can stand in for a VM or a bare-metal machine.
#pragma once

#include <string>

#include "carbonscope/status.h"
#include "platform/file_reader.h"

namespace carbonscope {

// The hypervisor's name ("KVM", "Xen", "VMware", "a hypervisor") or "" on bare metal,
// from the `hypervisor` CPU flag in /proc/cpuinfo, /sys/hypervisor/type and the DMI
// vendor and product names under /sys/class/dmi/id.
std::string detect_hypervisor(const FileReader& sys, const FileReader& proc);

// Why a RAPL backend is unavailable, for `carbonscope sensors`: `rejected` itself,
// unless this is a VM (`hypervisor` not "") and RAPL is simply absent.
std::string rapl_rejection(const Status& rejected, const std::string& hypervisor);

}  // namespace carbonscope

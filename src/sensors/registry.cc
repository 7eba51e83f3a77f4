// The preference chain: one line per backend.
#include "sensors/registry.h"

#include <fmt/format.h>

#include "sensors/fake.h"
#include "sensors/hypervisor.h"
#include "sensors/nvml.h"
#include "sensors/ram_model.h"
#include "sensors/rapl_msr.h"
#include "sensors/rapl_powercap.h"
#include "sensors/rocm_smi.h"

namespace carbonscope {
namespace {

std::string describe(const Sensor& s) {
  std::string out;
  for (const SensorDomain& d : s.domains()) {
    if (!out.empty()) out += ", ";
    out += d.name;
  }
  return out;
}

bool has_component(const Sensor& s, std::string_view component) {
  for (const SensorDomain& d : s.domains()) {
    if (d.component == component) return true;
  }
  return false;
}

void add(SensorSet& set, std::unique_ptr<Sensor> s, bool standby) {
  set.sensors.push_back(std::move(s));
  set.standby.push_back(standby);
}

}  // namespace

SensorSet probe_sensors(const SensorOptions& options) {
  SensorSet set;
  if (!options.fake_spec.empty()) {
    auto fake = make_fake_from_spec(options.fake_spec);
    set.probes.push_back({"fake", fake.ok(), fake.ok(), fake.ok() ? options.fake_spec : fake.status().message()});
    if (fake.ok()) add(set, std::move(fake).value(), false);
    return set;
  }
  const FileReader sys(options.sysfs_root);
  const FileReader proc(options.proc_root);

  // Host: the first RAPL backend that works.
  const std::string hypervisor = detect_hypervisor(sys, proc);
  std::unique_ptr<Sensor> host;
  for (auto make : {&make_rapl_powercap, &make_rapl_msr}) {
    auto s = make(sys);
    const std::string name = make == &make_rapl_powercap ? "rapl-powercap" : "rapl-msr";
    if (s.ok() && host == nullptr) {
      set.probes.push_back({name, true, true, describe(**s)});
      host = std::move(s).value();
    } else {
      set.probes.push_back({name, s.ok(), false, s.ok() ? describe(**s) + " (not used: RAPL already read)"
                                                        : rapl_rejection(s.status(), hypervisor)});
    }
  }
  const bool host_has_ram = host != nullptr && (has_component(*host, "ram") || has_component(*host, "psys"));
  if (host != nullptr) {
    set.host = 0;
    add(set, std::move(host), false);
  }
  auto cpu = make_cpu_model(proc, options.cpu_model);
  set.probes.push_back({"cpu-model", cpu.ok(), cpu.ok(),
                        cpu.ok() ? (*cpu)->domains()[0].provenance.detail + (set.host >= 0 ? " (standby: used if RAPL fails)" : "")
                                 : cpu.status().message()});
  if (cpu.ok()) add(set, std::move(cpu).value(), set.host >= 0);
  auto ram = make_ram_model(proc);
  set.probes.push_back({"ram-model", ram.ok(), ram.ok(),
                        ram.ok() ? (*ram)->domains()[0].provenance.detail + (host_has_ram ? " (standby: RAPL measures memory)" : "")
                                 : ram.status().message()});
  if (ram.ok()) add(set, std::move(ram).value(), host_has_ram);

  auto nvml = make_nvml(options.nvml_library);
  set.probes.push_back({"nvml", nvml.ok(), nvml.ok(), nvml.ok() ? describe(**nvml) : nvml.status().message()});
  if (nvml.ok()) add(set, std::move(nvml).value(), false);
  auto rocm = make_rocm_smi(options.rocm_smi_library);
  set.probes.push_back({"rocm-smi", rocm.ok(), rocm.ok(), rocm.ok() ? describe(**rocm) : rocm.status().message()});
  if (rocm.ok()) add(set, std::move(rocm).value(), false);
  return set;
}

}  // namespace carbonscope

// MSR RAPL: one reader CPU per package (from sysfs topology), 32-bit counters.
#include "sensors/rapl_msr.h"

#include <cmath>
#include <cstring>
#include <map>

#include <fmt/format.h>

namespace carbonscope {
namespace {

Result<std::uint64_t> read_msr(const FileReader& reader, const std::string& dev, std::uint32_t msr) {
  CS_ASSIGN_OR_RETURN(std::string bytes, reader.read_at(dev, msr, 8));
  std::uint64_t v = 0;
  std::memcpy(&v, bytes.data(), 8);  // little-endian on every RAPL machine
  return v;
}

class RaplMsr final : public Sensor {
 public:
  RaplMsr(const FileReader& reader, std::vector<SensorDomain> domains, std::vector<std::string> devs,
          std::vector<std::uint32_t> msrs)
      : reader_(reader), domains_(std::move(domains)), devs_(std::move(devs)), msrs_(std::move(msrs)) {}
  std::string_view name() const override { return "rapl-msr"; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }

  Status read(const SampleContext&, std::span<DomainReading> out) override {
    Status first;
    for (std::size_t i = 0; i < msrs_.size(); ++i) {
      auto v = read_msr(reader_, devs_[i], msrs_[i]);
      out[i].ok = v.ok();
      if (v.ok()) {
        out[i].counter = *v & 0xFFFFFFFFu;
      } else if (first.ok()) {
        first = v.status();
      }
    }
    return first;
  }

 private:
  FileReader reader_;
  std::vector<SensorDomain> domains_;
  std::vector<std::string> devs_;
  std::vector<std::uint32_t> msrs_;
};

}  // namespace

double msr_energy_unit(std::uint64_t power_unit_msr) {
  const auto esu = static_cast<int>((power_unit_msr >> 8) & 0x1F);
  return std::ldexp(1.0, -esu);
}

Result<std::unique_ptr<Sensor>> make_rapl_msr(const FileReader& reader) {
  auto cpus = reader.list("/dev/cpu");
  if (!cpus.ok()) {
    return Status::unavailable("no /dev/cpu: the msr driver is not loaded (`sudo modprobe msr`)");
  }
  std::map<int, int> cpu_of_package;  // package id -> first cpu
  for (const std::string& c : *cpus) {
    if (c.empty() || c.find_first_not_of("0123456789") != std::string::npos) continue;
    const int cpu = std::atoi(c.c_str());
    const int pkg = static_cast<int>(
        reader.read_i64(fmt::format("/sys/devices/system/cpu/cpu{}/topology/physical_package_id", cpu)).value_or(0));
    if (!cpu_of_package.count(pkg)) cpu_of_package[pkg] = cpu;
  }
  if (cpu_of_package.empty()) return Status::unavailable("/dev/cpu has no CPUs (`sudo modprobe msr`)");

  std::vector<SensorDomain> domains;
  std::vector<std::string> devs;
  std::vector<std::uint32_t> msrs;
  int psys = -1;
  bool first_pkg = true;
  for (const auto& [pkg, cpu] : cpu_of_package) {
    const std::string dev = fmt::format("/dev/cpu/{}/msr", cpu);
    auto unit = read_msr(reader, dev, kMsrRaplPowerUnit);
    if (!unit.ok()) {
      if (unit.status().code() == StatusCode::kPermissionDenied) {
        return Status::permission_denied(fmt::format(
            "{} needs root (and CAP_SYS_RAWIO): run as root, or use the powercap interface",
            reader.resolve(dev)));
      }
      if (unit.status().code() == StatusCode::kNotFound) {
        return Status::unavailable(fmt::format("no {} (`sudo modprobe msr`)", reader.resolve(dev)));
      }
      return Status::unavailable(fmt::format("{}: no RAPL power-unit MSR (not an Intel/AMD RAPL CPU?): {}",
                                             reader.resolve(dev), unit.status().message()));
    }
    const double j = msr_energy_unit(*unit);
    struct Want { std::uint32_t msr; const char* kind; };
    const Want wants[] = {{kMsrPlatformEnergyStatus, "psys"}, {kMsrPkgEnergyStatus, "package"},
                          {kMsrDramEnergyStatus, "dram"}, {kMsrPp0EnergyStatus, "core"},
                          {kMsrPp1EnergyStatus, "uncore"}};
    int package = -1;
    for (const Want& w : wants) {
      const std::string kind = w.kind;
      if (kind == "psys" && !first_pkg) continue;  // platform-wide, read once
      auto v = read_msr(reader, dev, w.msr);
      if (!v.ok() || (*v & 0xFFFFFFFFu) == 0) continue;  // absent or unsupported: reads 0
      SensorDomain d;
      d.name = kind == "psys" ? "psys" : fmt::format("{}-{}", kind, pkg);
      d.component = kind == "psys" ? "psys" : kind == "dram" ? "ram" : "cpu";
      d.label = fmt::format("RAPL {} (MSR {:#x} on cpu {})", d.name, w.msr, cpu);
      d.kind = ReadingKind::kCounter;
      d.joules_per_unit = j;
      d.wrap = std::uint64_t{1} << 32;
      d.provenance = {Method::kMeasured, "", fmt::format("RAPL {} energy-status MSR {:#x}", d.name, w.msr), "", 0};
      if (kind == "psys") {
        psys = static_cast<int>(domains.size());
      } else if (kind == "package" || kind == "dram") {
        d.parent = psys;
        if (kind == "package") package = static_cast<int>(domains.size());
      } else {
        d.parent = package >= 0 ? package : psys;
      }
      domains.push_back(std::move(d));
      devs.push_back(dev);
      msrs.push_back(w.msr);
    }
    first_pkg = false;
  }
  if (domains.empty()) return Status::unavailable("the RAPL energy-status MSRs all read 0");
  return std::unique_ptr<Sensor>(new RaplMsr(reader, std::move(domains), std::move(devs), std::move(msrs)));
}

}  // namespace carbonscope

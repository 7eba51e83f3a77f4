// Powercap RAPL: probing the zones, building the hierarchy, reading energy_uj.
#include <algorithm>
#include "sensors/rapl_powercap.h"

#include <optional>

#include <fmt/format.h>

#include "platform/open_file.h"

namespace carbonscope {
namespace {

struct Zone {
  std::string dir;   // "intel-rapl:0:1"
  std::string kind;  // "package", "core", "uncore", "dram", "psys"
  int socket = 0;
  bool sub = false;  // intel-rapl:N:M
};

std::string zone_kind(const std::string& name) {
  for (const char* k : {"package", "core", "uncore", "dram", "psys"}) {
    if (name.rfind(k, 0) == 0) return k;
  }
  return "";
}

class RaplPowercap final : public Sensor {
 public:
  RaplPowercap(const FileReader& reader, std::vector<SensorDomain> domains, std::vector<std::string> paths)
      : reader_(reader), domains_(std::move(domains)), paths_(std::move(paths)) {}
  std::string_view name() const override { return "rapl-powercap"; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }

  Status read(const SampleContext&, std::span<DomainReading> out) override {
    Status first;
    if (files_.empty()) files_.resize(paths_.size());
    for (std::size_t i = 0; i < paths_.size(); ++i) {
      auto v = read_one(i);
      out[i].ok = v.ok();
      if (v.ok()) {
        out[i].counter = *v;
      } else if (first.ok()) {
        first = v.status();
      }
    }
    return first;
  }

 private:
  // Reads through a kept-open file, reopening it after a failure (a zone can come back).
  Result<std::uint64_t> read_one(std::size_t i) {
    if (!files_[i]) {
      auto f = OpenFile::open(reader_, paths_[i]);
      if (!f.ok()) return f.status();
      files_[i].emplace(std::move(f).value());
    }
    auto v = files_[i]->read_u64();
    if (!v.ok()) files_[i].reset();
    return v;
  }

  FileReader reader_;
  std::vector<SensorDomain> domains_;
  std::vector<std::string> paths_;
  std::vector<std::optional<OpenFile>> files_;
};

}  // namespace

Result<std::unique_ptr<Sensor>> make_rapl_powercap(const FileReader& reader) {
  auto names = reader.list(kPowercapDir);
  if (!names.ok()) {
    return Status::unavailable(fmt::format("no {} ({}): not Linux, or the powercap driver is not loaded "
                                           "(try `modprobe intel_rapl_msr`)", kPowercapDir, names.status().message()));
  }
  std::vector<Zone> zones;
  for (const std::string& n : *names) {
    if (n.rfind("intel-rapl:", 0) != 0) continue;  // skips intel-rapl-mmio duplicates and the control dir
    const std::string base = fmt::format("{}/{}", kPowercapDir, n);
    auto zname = reader.read(base + "/name");
    if (!zname.ok()) continue;
    std::string nm = *zname;
    while (!nm.empty() && (nm.back() == '\n' || nm.back() == ' ')) nm.pop_back();
    Zone z{n, zone_kind(nm)};
    if (z.kind.empty()) continue;
    const std::string idx = n.substr(11);
    z.sub = idx.find(':') != std::string::npos;
    z.socket = std::atoi(idx.c_str());
    zones.push_back(z);
  }
  if (zones.empty()) {
    return Status::unavailable(fmt::format("{} has no intel-rapl zones (a virtual machine, or a CPU without RAPL)",
                                           kPowercapDir));
  }
  // Check every counter before accepting the tree.
  for (const Zone& z : zones) {
    const std::string path = fmt::format("{}/{}/energy_uj", kPowercapDir, z.dir);
    auto v = reader.read_u64(path);
    if (v.status().code() == StatusCode::kPermissionDenied) {
      return Status::permission_denied(fmt::format(
          "{} is root-only on this kernel (since Linux 5.10): run as root, or "
          "`sudo chmod o+r /sys/class/powercap/intel-rapl:*/energy_uj` (until reboot; a udev rule makes it "
          "permanent)", reader.resolve(path)));
    }
    if (!v.ok()) return v.status();
  }
  int psys = -1;
  std::vector<SensorDomain> domains;
  std::vector<std::string> paths;
  std::vector<int> package_of_socket(64, -1);
  // Order: psys first (so others can name it), then packages, then the rest.
  for (int pass = 0; pass < 3; ++pass) {
    for (const Zone& z : zones) {
      const bool is_psys = z.kind == "psys";
      const bool is_pkg = z.kind == "package";
      if ((pass == 0) != is_psys || (pass == 1) != is_pkg) continue;
      const std::string base = fmt::format("{}/{}", kPowercapDir, z.dir);
      SensorDomain d;
      d.name = is_psys ? "psys" : z.kind == "package" ? fmt::format("package-{}", z.socket)
                                                      : fmt::format("{}-{}", z.kind, z.socket);
      d.component = is_psys ? "psys" : z.kind == "dram" ? "ram" : "cpu";
      d.label = fmt::format("RAPL {} (powercap {})", d.name, z.dir);
      d.kind = ReadingKind::kCounter;
      d.joules_per_unit = 1e-6;
      d.wrap = reader.read_u64(base + "/max_energy_range_uj").value_or(0);
      if (d.wrap != 0) d.wrap += 1;  // values lie in [0, max_energy_range_uj]
      // The zone's rated power (its long-term limit's maximum, else the limit), x 2.
      const auto rated_uw = reader.read_u64(base + "/constraint_0_max_power_uw");
      const auto limit_uw = reader.read_u64(base + "/constraint_0_power_limit_uw");
      const double rated_w = static_cast<double>(rated_uw.ok() && *rated_uw > 0 ? *rated_uw : limit_uw.value_or(0)) * 1e-6;
      d.max_watts = rated_w > 0 ? std::min(2 * rated_w, kMaxDomainWatts) : kMaxDomainWatts;
      d.provenance = {Method::kMeasured, "", fmt::format("RAPL {} energy counter, {}", d.name, z.dir), "", 0};
      if (is_psys) {
        psys = static_cast<int>(domains.size());
      } else if (is_pkg) {
        d.parent = psys;
        if (z.socket >= 0 && z.socket < 64) package_of_socket[static_cast<std::size_t>(z.socket)] =
            static_cast<int>(domains.size());
      } else if (z.kind == "dram") {
        d.parent = psys;  // DRAM energy is not part of the package's, even when nested under it
      } else {
        const int pkg = z.socket >= 0 && z.socket < 64 ? package_of_socket[static_cast<std::size_t>(z.socket)] : -1;
        d.parent = z.sub && pkg >= 0 ? pkg : psys;
      }
      domains.push_back(std::move(d));
      paths.push_back(base + "/energy_uj");
    }
  }
  return std::unique_ptr<Sensor>(new RaplPowercap(reader, std::move(domains), std::move(paths)));
}

}  // namespace carbonscope

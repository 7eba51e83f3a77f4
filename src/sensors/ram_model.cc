// Memory model sensor: W per GB of installed memory.
#include "sensors/ram_model.h"

#include <fmt/format.h>

#include "sensors/procfs.h"

namespace carbonscope {
namespace {

class RamModel final : public Sensor {
 public:
  RamModel(Power power, std::vector<SensorDomain> domains) : power_(power), domains_(std::move(domains)) {}
  std::string_view name() const override { return "ram-model"; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }
  Status read(const SampleContext&, std::span<DomainReading> out) override {
    out[0].ok = true;
    out[0].watts = power_.watts();
    return {};
  }

 private:
  Power power_;
  std::vector<SensorDomain> domains_;
};

}  // namespace

Power ram_model_power(double bytes) { return Power::watts(bytes / 1e9 * kRamWattsPerGb); }

Result<std::unique_ptr<Sensor>> make_ram_model(const FileReader& proc_reader) {
  CS_ASSIGN_OR_RETURN(std::string text, proc_reader.read_static("/proc/meminfo"));
  CS_ASSIGN_OR_RETURN(std::uint64_t bytes, parse_mem_total(text));
  const double gb = static_cast<double>(bytes) / 1e9;
  SensorDomain d;
  d.name = "ram-model";
  d.component = "ram";
  d.label = fmt::format("{:.1f} GB memory (model)", gb);
  d.kind = ReadingKind::kPower;
  d.provenance = {Method::kEstimated, "",
                  fmt::format("memory model {} W/GB x {:.2f} GB (MemTotal; a job: its resident memory); range {} to {} W/GB",
                              kRamWattsPerGb, gb, kRamWattsPerGbLow, kRamWattsPerGb),
                  "", 0};
  d.range_low = kRamWattsPerGbLow / kRamWattsPerGb;
  d.range_high = 1.0;
  return std::unique_ptr<Sensor>(new RamModel(ram_model_power(static_cast<double>(bytes)), {std::move(d)}));
}

}  // namespace carbonscope

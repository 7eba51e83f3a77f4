// Scripted fake sensor.
#include "sensors/fake.h"

#include <fmt/format.h>

#include "carbonscope/parse.h"

namespace carbonscope {
namespace {

class Fake final : public Sensor {
 public:
  Fake(std::vector<FakeDomain> domains, std::string name) : fakes_(std::move(domains)), name_(std::move(name)) {
    for (const FakeDomain& f : fakes_) domains_.push_back(f.domain);
  }
  std::string_view name() const override { return name_; }
  const std::vector<SensorDomain>& domains() const override { return domains_; }
  Status read(const SampleContext&, std::span<DomainReading> out) override {
    Status first;
    for (std::size_t i = 0; i < fakes_.size(); ++i) {
      const FakeDomain& f = fakes_[i];
      const double v = f.values.empty() ? 0 : f.values[std::min(reads_, f.values.size() - 1)];
      out[i].ok = !(reads_ < f.fails.size() && f.fails[reads_]);
      out[i].counter = static_cast<std::uint64_t>(v);
      out[i].watts = v;
      out[i].job_share = f.job_share;
      if (!out[i].ok && first.ok()) first = Status::io_error(fmt::format("fake {} read {} fails", f.domain.name, reads_));
    }
    ++reads_;
    return first;
  }

 private:
  std::vector<FakeDomain> fakes_;
  std::vector<SensorDomain> domains_;
  std::string name_;
  std::size_t reads_ = 0;
};

}  // namespace

std::unique_ptr<Sensor> make_fake_sensor(std::vector<FakeDomain> domains, std::string name) {
  return std::make_unique<Fake>(std::move(domains), std::move(name));
}

Result<std::unique_ptr<Sensor>> make_fake_from_spec(const std::string& spec) {
  std::vector<FakeDomain> out;
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    std::size_t comma = spec.find(',', pos);
    if (comma == std::string::npos) comma = spec.size();
    const std::string item = spec.substr(pos, comma - pos);
    pos = comma + 1;
    if (item.empty()) continue;
    const std::size_t eq = item.find('=');
    if (eq == std::string::npos) {
      return Status::invalid_argument(fmt::format("fake sensor spec '{}': want COMPONENT=POWER, e.g. gpu=250W", item));
    }
    CS_ASSIGN_OR_RETURN(Power p, parse_power(item.substr(eq + 1)));
    FakeDomain f;
    f.domain.component = item.substr(0, eq);
    f.domain.name = fmt::format("fake-{}", f.domain.component);
    f.domain.label = fmt::format("fake {} at {} W", f.domain.component, p.watts());
    f.domain.kind = ReadingKind::kPower;
    f.domain.provenance = {Method::kGiven, "", fmt::format("fake sensor (CARBONSCOPE_FAKE_SENSORS), constant {} W", p.watts()), "", 0};
    f.values = {p.watts()};
    out.push_back(std::move(f));
  }
  if (out.empty()) return Status::invalid_argument("empty fake sensor spec");
  return make_fake_sensor(std::move(out));
}

}  // namespace carbonscope

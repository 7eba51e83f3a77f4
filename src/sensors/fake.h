// A fake sensor for tests and demos: domains of any kind whose readings are scripted
// (one value per read, the last repeated) and can be made to fail.
#pragma once

#include <memory>
#include <string>
#include <vector>

#include "carbonscope/sensor.h"

namespace carbonscope {

struct FakeDomain {
  SensorDomain domain;
  std::vector<double> values;  // counter values or watts, one per read; last repeated
  std::vector<bool> fails;     // read i fails when fails[i] (missing: succeeds)
  double job_share = -1;
};

std::unique_ptr<Sensor> make_fake_sensor(std::vector<FakeDomain> domains, std::string name = "fake");

// Parses a demo spec "cpu=45W,gpu=250W,ram=6W": constant-power domains, marked as
// fake in their provenance (CARBONSCOPE_FAKE_SENSORS).
Result<std::unique_ptr<Sensor>> make_fake_from_spec(const std::string& spec);

}  // namespace carbonscope

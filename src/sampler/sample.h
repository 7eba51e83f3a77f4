// Sample: everything read at one instant: the time, the machine's and the job's CPU
// usage over the interval that ends there, and one reading per sensor domain (flat,
// in sensor order).
#pragma once

#include <vector>

#include "carbonscope/sensor.h"

namespace carbonscope {

struct Sample {
  Duration t{};            // the sampler clock's now()
  double unix_time = 0;
  SampleContext ctx;       // ctx.job_pids is valid only during the callback
  double job_busy_share = 0;      // job CPU time / machine busy CPU time over the interval
  double job_capacity_share = 0;  // job CPU time / (cpus x interval)
  double job_memory_share = 0;    // job resident memory / installed memory
  std::vector<DomainReading> readings;
  std::vector<Status> sensor_status;  // per sensor: why its failing domains failed
};

}  // namespace carbonscope

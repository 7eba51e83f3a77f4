// The memory model, where RAPL has no dram or psys domain: installed memory (from
// /proc/meminfo) x kRamWattsPerGb. A job is charged by its resident memory (the
// sampler's attribution), so its figure is RSS x kRamWattsPerGb.
#pragma once

#include <memory>

#include "carbonscope/sensor.h"
#include "platform/file_reader.h"

namespace carbonscope {

// 3 W per 8 GB: CodeCarbon v2 and Eco2AI (Green Algorithms uses 0.3725 W/GB).
inline constexpr double kRamWattsPerGb = 0.375;
// A wall-meter test found that figure >10x too high for idle DIMMs (Green Algorithms
// issue #14; their PR #38 proposes 0.08 W/GB): the low end of the range.
inline constexpr double kRamWattsPerGbLow = 0.08;

Power ram_model_power(double bytes);

Result<std::unique_ptr<Sensor>> make_ram_model(const FileReader& proc_reader);

}  // namespace carbonscope

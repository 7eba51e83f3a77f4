// RAPL energy counters read from the MSR device files (/dev/cpu/N/msr), the second
// choice where powercap is missing. One CPU per package; the energy unit comes from
// MSR_RAPL_POWER_UNIT (0x606, bits 12:8); counters are 32-bit and wrap.
#pragma once

#include <cstdint>
#include <memory>

#include "carbonscope/sensor.h"
#include "platform/file_reader.h"

namespace carbonscope {

inline constexpr std::uint32_t kMsrRaplPowerUnit = 0x606;
inline constexpr std::uint32_t kMsrPkgEnergyStatus = 0x611;
inline constexpr std::uint32_t kMsrDramEnergyStatus = 0x619;
inline constexpr std::uint32_t kMsrPp0EnergyStatus = 0x639;
inline constexpr std::uint32_t kMsrPp1EnergyStatus = 0x641;
inline constexpr std::uint32_t kMsrPlatformEnergyStatus = 0x64D;

// Joules per count from a MSR_RAPL_POWER_UNIT value: 1 / 2^ESU.
double msr_energy_unit(std::uint64_t power_unit_msr);

Result<std::unique_ptr<Sensor>> make_rapl_msr(const FileReader& reader);

}  // namespace carbonscope

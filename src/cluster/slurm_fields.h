// Slurm's value forms as sacct prints them (22.05 and older): durations ("2-03:04:05",
// "04:05.123"), sizes ("4Gc", "2Gn", "300M", "10708K"), TRES lists, timestamps, job ids
// of arrays, heterogeneous jobs and steps, and job states. Pure functions that never
// allocate on success; "absent" forms (empty, UNLIMITED, Unknown, None) give nullopt.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "carbonscope/status.h"

namespace carbonscope::cluster {

// [D-]HH:MM:SS, [D-]HH:MM:SS.mmm, MM:SS, MM:SS.mmm, D-HH, D-HH:MM, or plain seconds
// (ElapsedRaw) -> seconds. "", UNLIMITED, Unknown, INVALID, NONE, Partition_Limit ->
// nullopt; anything else is an error naming the text.
Result<std::optional<double>> parse_duration_field(std::string_view text);

// A size with an optional K/M/G/T/P suffix (binary, base unit `default_unit` bytes-per-
// unit when none: MB for ReqMem and TRES mem, KB for MaxRSS) -> megabytes.
Result<std::optional<double>> parse_size_mb(std::string_view text, double default_unit_mb = 1.0);

// ReqMem: "300M" (the job's total since 21.08), "4Gc"/"4000Mc" (per CPU), "2Gn" (per
// node) -> total megabytes for a job of `cpus` CPUs on `nodes` nodes.
Result<std::optional<double>> parse_req_mem_mb(std::string_view text, int cpus, int nodes);

// Energy in joules: ConsumedEnergyRaw ("825") or ConsumedEnergy ("1.50K", "2.3M").
Result<std::optional<double>> parse_energy_j(std::string_view text);

// A count: digits only; "" / Unknown -> nullopt.
Result<std::optional<std::int64_t>> parse_count_field(std::string_view text);

// The parts of an AllocTRES / ReqTRES list carbonscope uses.
struct Tres {
  std::optional<std::int64_t> cpu;
  std::optional<double> mem_mb;
  std::optional<std::int64_t> nodes;
  std::optional<double> energy_j;
  std::int64_t gpus = 0;  // gres/gpu=N (or the sum of typed entries if only those)
  std::string gpu_type;   // from gres/gpu:TYPE=N, "" when untyped
};
// "billing=1,cpu=2,energy=900,gres/gpu:a100=4,gres/gpu=4,mem=200M,node=2".
Result<Tres> parse_tres(std::string_view text);

// "2026-11-02T10:00:00" as sacct prints it (the local time of the machine that ran
// sacct) -> Unix seconds; Unknown / None / "" -> nullopt.
Result<std::optional<double>> parse_timestamp(std::string_view text);

// A JobID split: "123_4.batch" -> job "123_4", step "batch"; "123+1.0" -> "123+1", "0".
// The job part must be digits, optionally followed by _N, _[list] or +N.
struct JobId {
  std::string_view job;
  std::string_view step;  // "" for the job's own row
};
Result<JobId> split_job_id(std::string_view text);

// GA4HPC's state classes: COMPLETED succeeded; PENDING, RUNNING, REQUEUED, SUSPENDED,
// RESIZING are not finished (not counted); every other end state (FAILED, CANCELLED,
// TIMEOUT, OUT_OF_MEMORY, NODE_FAIL, PREEMPTED, BOOT_FAIL, DEADLINE) wasted its energy.
enum class StateClass { kSucceeded = 0, kWasted = 1, kUnfinished = 2 };
// "CANCELLED by 123" -> "CANCELLED", "CD" -> "COMPLETED"; unknown words stay as given.
std::string_view normalise_state(std::string_view text);
StateClass classify_state(std::string_view normalised);
std::string_view state_class_name(StateClass c);

}  // namespace carbonscope::cluster

// The integer row key of a Slurm job in the ledger: the rowid of slurm_jobs. An integer
// primary key spares SQLite a second B-tree (an index on the text key) and its record
// comparisons, about a third of the import's SQLite time (docs/performance.md).
//
//   key = cluster_id << 56 | N << 24 | form << 22 | M
//
// for the job ids Slurm writes for nearly every job: N (a plain job), N_M (task M of
// array N), N+M (component M of heterogeneous job N), N < 2^32, M < 2^22 (Slurm's
// MaxArraySize is at most 4,000,001), no leading zeros, cluster_id 1..127 (from the
// slurm_clusters table). Any other id (a pending array "N_[1-5%2]", a cluster beyond
// the 127th) has no packed form: it gets a negative key from the slurm_job_keys table.
#pragma once

#include <cstdint>
#include <optional>
#include <string_view>

namespace carbonscope::cluster {

inline constexpr std::int64_t kMaxPackedCluster = 127;

// N << 24 | form << 22 | M, or nullopt when `job` has no packed form.
std::optional<std::int64_t> packed_job_key(std::string_view job);

// The full key for a cluster id, or nullopt (then slurm_job_keys gives it).
std::optional<std::int64_t> job_row_key(std::int64_t cluster_id, std::string_view job);

}  // namespace carbonscope::cluster

// Packing job ids into integer row keys (slurm_key.h).
#include "cluster/slurm_key.h"

namespace carbonscope::cluster {
namespace {

constexpr std::int64_t kMaxBase = std::int64_t{1} << 32;
constexpr std::int64_t kMaxTail = std::int64_t{1} << 22;

// Decimal digits without a leading zero (except "0" itself), below `limit`.
bool read_canonical(std::string_view t, std::int64_t limit, std::int64_t& out) {
  if (t.empty() || t.size() > 10 || (t.size() > 1 && t.front() == '0')) return false;
  std::int64_t v = 0;
  for (const char c : t) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  if (v >= limit) return false;
  out = v;
  return true;
}

}  // namespace

std::optional<std::int64_t> packed_job_key(std::string_view job) {
  std::size_t i = 0;
  while (i < job.size() && job[i] >= '0' && job[i] <= '9') ++i;
  std::int64_t base = 0;
  if (!read_canonical(job.substr(0, i), kMaxBase, base)) return std::nullopt;
  std::int64_t form = 0, tail = 0;
  if (i < job.size()) {
    form = job[i] == '_' ? 1 : job[i] == '+' ? 2 : 0;
    if (form == 0 || !read_canonical(job.substr(i + 1), kMaxTail, tail)) return std::nullopt;
  }
  return base << 24 | form << 22 | tail;
}

std::optional<std::int64_t> job_row_key(std::int64_t cluster_id, std::string_view job) {
  if (cluster_id < 1 || cluster_id > kMaxPackedCluster) return std::nullopt;
  const std::optional<std::int64_t> packed = packed_job_key(job);
  if (!packed) return std::nullopt;
  return cluster_id << 56 | *packed;
}

}  // namespace carbonscope::cluster

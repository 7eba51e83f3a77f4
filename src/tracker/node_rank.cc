// Local rank and world size from the launchers' variables.
#include "carbonscope/node_rank.h"

#include <charconv>
#include <string_view>
#include <vector>

namespace carbonscope {
namespace {

std::optional<int> number(std::string_view s) {
  int v = 0;
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), v);
  if (s.empty() || ec != std::errc() || end != s.data() + s.size() || v < 0) return std::nullopt;
  return v;
}

std::optional<int> env_number(const Environment& env, const char* name) {
  const char* v = env.find(name);
  return v == nullptr ? std::nullopt : number(v);
}

std::string env_text(const Environment& env, const char* name) { return env.get(name); }

// "2(x3),1" (SLURM_STEP_TASKS_PER_NODE) -> the count of node `node`, nullopt if malformed.
std::optional<int> slurm_tasks_on_node(const std::string& spec, int node) {
  std::vector<int> counts;
  std::size_t pos = 0;
  while (pos <= spec.size()) {
    std::size_t comma = spec.find(',', pos);
    if (comma == std::string::npos) comma = spec.size();
    std::string_view part(spec.data() + pos, comma - pos);
    pos = comma + 1;
    int repeat = 1;
    if (const std::size_t paren = part.find("(x"); paren != std::string_view::npos) {
      if (part.back() != ')') return std::nullopt;
      auto r = number(part.substr(paren + 2, part.size() - paren - 3));
      if (!r) return std::nullopt;
      repeat = *r;
      part = part.substr(0, paren);
    }
    auto n = number(part);
    if (!n) return std::nullopt;
    counts.insert(counts.end(), static_cast<std::size_t>(repeat), *n);
  }
  if (node < 0 || static_cast<std::size_t>(node) >= counts.size()) return std::nullopt;
  return counts[static_cast<std::size_t>(node)];
}

}  // namespace

NodeRank node_rank_from_env(const Environment& env) {
  NodeRank r;
  for (const char* name : {"LOCAL_RANK", "SLURM_LOCALID", "OMPI_COMM_WORLD_LOCAL_RANK", "MPI_LOCALRANKID"}) {
    if ((r.local_rank = env_number(env, name))) break;
  }
  for (const char* name : {"LOCAL_WORLD_SIZE", "OMPI_COMM_WORLD_LOCAL_SIZE", "MPI_LOCALNRANKS"}) {
    if ((r.local_world_size = env_number(env, name)) && *r.local_world_size > 0) break;
    r.local_world_size.reset();
  }
  if (!r.local_rank) {
    const auto rank = env_number(env, "RANK");
    if (rank && r.local_world_size) r.local_rank = *rank % *r.local_world_size;
  }
  if (!r.local_world_size && env.find("SLURM_LOCALID") != nullptr) {
    std::string spec = env_text(env, "SLURM_STEP_TASKS_PER_NODE");
    if (spec.empty()) spec = env_text(env, "SLURM_TASKS_PER_NODE");
    r.local_world_size = slurm_tasks_on_node(spec, env_number(env, "SLURM_NODEID").value_or(0));
  }
  if (const std::string job = env_text(env, "SLURM_JOB_ID"); !job.empty()) {
    r.job = "slurm-" + job + "." + env_text(env, "SLURM_STEP_ID");
  } else if (const std::string id = env_text(env, "TORCHELASTIC_RUN_ID"); !id.empty()) {
    r.job = "torchelastic-" + id;
  } else if (!env_text(env, "MASTER_ADDR").empty() && !env_text(env, "MASTER_PORT").empty()) {
    r.job = "master-" + env_text(env, "MASTER_ADDR") + ":" + env_text(env, "MASTER_PORT");
  }
  return r;
}

}  // namespace carbonscope

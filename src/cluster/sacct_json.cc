// sacct --json -> SlurmJob.
#include "cluster/sacct_json.h"

#include <fmt/format.h>
#include <nlohmann/json.hpp>

#include "cluster/slurm_fields.h"

namespace carbonscope::cluster {
namespace {

using nlohmann::json;

const json* at(const json& j, std::string_view key) {
  if (!j.is_object()) return nullptr;
  const auto it = j.find(key);
  return it == j.end() || it->is_null() ? nullptr : &*it;
}

// A number, or Slurm's {"set": true, "number": N} form (later API versions).
std::optional<double> number(const json* j) {
  if (j == nullptr) return std::nullopt;
  if (j->is_number()) return j->get<double>();
  if (j->is_object()) {
    const json* set = at(*j, "set");
    if (set != nullptr && set->is_boolean() && !set->get<bool>()) return std::nullopt;
    if (const json* n = at(*j, "number")) return number(n);
  }
  return std::nullopt;
}

std::optional<double> number(const json& j, std::string_view a, std::string_view b = {}) {
  const json* x = at(j, a);
  if (x != nullptr && !b.empty()) x = at(*x, b);
  return number(x);
}

std::string text(const json& j, std::string_view key) {
  const json* x = at(j, key);
  if (x == nullptr) return {};
  if (x->is_string()) return x->get<std::string>();
  if (x->is_array() && !x->empty() && x->front().is_string())
    return x->front().get<std::string>();  // state lists
  if (x->is_number_integer()) return std::to_string(x->get<std::int64_t>());
  return {};
}

struct TresJson {
  std::optional<double> cpu, mem_mb, node, energy_j;
  std::int64_t gpus = 0;
  std::string gpu_type;
};

TresJson tres_list(const json* list) {
  TresJson t;
  if (list == nullptr || !list->is_array()) return t;
  for (const json& e : *list) {
    const std::string type = text(e, "type");
    const std::string name = text(e, "name");
    const std::optional<double> count = number(at(e, "count"));
    if (type == "cpu") t.cpu = count;
    if (type == "mem") t.mem_mb = count;
    if (type == "node") t.node = count;
    if (type == "energy") t.energy_j = count;
    if (type == "gres" && name.rfind("gpu", 0) == 0) {
      if (name == "gpu") {
        t.gpus = static_cast<std::int64_t>(count.value_or(0));
      } else if (name.size() > 4 && name[3] == ':') {
        if (t.gpu_type.empty()) t.gpu_type = name.substr(4);
        if (t.gpus == 0) t.gpus = static_cast<std::int64_t>(count.value_or(0));
      }
    }
  }
  return t;
}

std::string job_id_of(const json& j) {
  const std::optional<double> id = number(j, "job_id");
  const json* array = at(j, "array");
  if (array != nullptr) {
    const std::optional<double> task = number(*array, "task_id");
    const std::optional<double> parent = number(*array, "job_id");
    if (task && parent && *parent > 0)
      return fmt::format("{}_{}", static_cast<std::int64_t>(*parent), static_cast<std::int64_t>(*task));
  }
  const json* het = at(j, "het");
  if (het != nullptr) {
    const std::optional<double> offset = number(*het, "job_offset");
    const std::optional<double> leader = number(*het, "job_id");
    if (offset && leader && *leader > 0)
      return fmt::format("{}+{}", static_cast<std::int64_t>(*leader), static_cast<std::int64_t>(*offset));
  }
  return id ? std::to_string(static_cast<std::int64_t>(*id)) : std::string();
}

Status read_job(const json& j, const std::string& cluster, SlurmJob& out) {
  out.job = job_id_of(j);
  CS_RETURN_IF_ERROR(split_job_id(out.job).status());
  out.cluster = text(j, "cluster").empty() ? cluster : text(j, "cluster");
  out.name = text(j, "name");
  out.user = text(j, "user");
  out.account = text(j, "account");
  out.partition = text(j, "partition");
  const json* state = at(j, "state");
  out.state = std::string(
      normalise_state(state != nullptr && state->is_object() ? text(*state, "current") : text(j, "state")));
  out.nodes = text(j, "nodes");
  if (out.nodes == "None assigned") out.nodes.clear();
  const json* time = at(j, "time");
  if (time != nullptr) {
    const auto stamp = [&](std::string_view k) -> std::optional<double> {
      auto v = number(*time, k);
      if (v && *v <= 0) return std::nullopt;  // 0 = never
      return v;
    };
    out.submit_unix = stamp("submission");
    out.start_unix = stamp("start");
    out.end_unix = stamp("end");
    out.elapsed_s = number(*time, "elapsed").value_or(0);
  }
  const json* tres = at(j, "tres");
  const TresJson alloc = tres_list(tres != nullptr ? at(*tres, "allocated") : nullptr);
  out.ncpus = static_cast<int>(alloc.cpu.value_or(number(j, "required", "CPUs").value_or(0)));
  out.nnodes = static_cast<int>(alloc.node.value_or(number(j, "allocation_nodes").value_or(0)));
  out.gpus = alloc.gpus;
  out.gpu_type = alloc.gpu_type;
  out.mem_mb = alloc.mem_mb.value_or(0);
  out.energy_j = alloc.energy_j;
  double total_cpu = 0;
  bool any_cpu = false;
  if (const json* steps = at(j, "steps"); steps != nullptr && steps->is_array()) {
    for (const json& s : *steps) {
      SlurmStep st;
      const json* step = at(s, "step");
      std::string id = step != nullptr ? text(*step, "id") : std::string();
      if (id.empty() && step != nullptr) id = text(*step, "name");
      if (const auto dot = id.find('.'); dot != std::string::npos) id = id.substr(dot + 1);  // "123.batch"
      if (id.empty()) return Status::invalid_argument("a step without an id");
      st.step = id;
      const json* sstate = at(s, "state");
      st.state = std::string(normalise_state(
          sstate != nullptr && sstate->is_object() ? text(*sstate, "current") : text(s, "state")));
      if (const json* t = at(s, "time")) {
        st.elapsed_s = number(*t, "elapsed").value_or(0);
        if (const json* tot = at(*t, "total")) {
          st.total_cpu_s =
              number(*tot, "seconds").value_or(0) + number(*tot, "microseconds").value_or(0) / 1e6;
          any_cpu = true;
        }
      }
      if (const json* nodes = at(s, "nodes")) {
        st.nnodes = static_cast<int>(number(*nodes, "count").value_or(0));
        st.nodes = text(*nodes, "range");
      }
      const json* stres = at(s, "tres");
      st.ncpus =
          static_cast<int>(tres_list(stres != nullptr ? at(*stres, "allocated") : nullptr).cpu.value_or(0));
      if (const json* stats = at(s, "statistics")) {
        if (const json* e = at(*stats, "energy")) {
          const auto consumed = number(at(*e, "consumed"));
          if (consumed && *consumed >= 0) st.energy_j = consumed;
        }
      }
      total_cpu += st.total_cpu_s;
      out.steps.push_back(std::move(st));
    }
  }
  if (any_cpu) out.total_cpu_s = total_cpu;  // the job's own figure is always 0 in this API
  return Status::ok_status();
}

}  // namespace

Result<ReadStats> read_sacct_json(std::istream& in, const std::string& name, const std::string& cluster,
                                  const JobSink& sink, ReadProblems& problems) {
  json doc;
  try {
    doc = json::parse(in);
  } catch (const json::exception& e) {
    return Status::invalid_argument(fmt::format("{}: not sacct --json output: {}", name, e.what()));
  }
  const json* jobs = at(doc, "jobs");
  if (jobs == nullptr || !jobs->is_array()) {
    return Status::invalid_argument(
        fmt::format("{}: no \"jobs\" array: expected the output of sacct --json", name));
  }
  ReadStats stats;
  std::size_t i = 0;
  for (const json& j : *jobs) {
    ++stats.rows;
    SlurmJob job;
    job.line = i;
    const std::string source = fmt::format("{}: jobs[{}]", name, i++);
    Status s = j.is_object() ? read_job(j, cluster, job) : Status::invalid_argument("not an object");
    if (!s.ok()) {
      problems.add(fmt::format("{} ({}): {}: job skipped", source, job.job, s.message()));
      continue;
    }
    stats.steps += job.steps.size();
    ++stats.jobs;
    CS_RETURN_IF_ERROR(sink(std::move(job)));
  }
  return stats;
}

}  // namespace carbonscope::cluster

// cluster.toml through the project file's typed TOML reader.
#include "cluster/cluster_config.h"

#include <fstream>
#include <sstream>
#include <vector>

#include <fmt/format.h>

#include "project/toml_reader.h"

namespace carbonscope::cluster {
namespace {

constexpr std::string_view kPartitionKeys[] = {"cpu",   "cpu_power_per_core", "gpu", "gpu_power", "region",
                                               "cloud", "intensity",          "pue", "year"};

std::vector<std::string_view> keys(std::vector<std::string_view> extra) {
  extra.insert(extra.end(), std::begin(kPartitionKeys), std::end(kPartitionKeys));
  return extra;
}

PartitionSpec read_partition(const project::TableReader& r) {
  PartitionSpec p;
  p.cpu = r.text("cpu").value_or("");
  p.cpu_power_per_core = r.power("cpu_power_per_core");
  p.gpu = r.text("gpu").value_or("");
  p.gpu_power = r.power("gpu_power");
  p.region = r.text("region").value_or("");
  p.cloud = r.text("cloud").value_or("");
  p.intensity = r.intensity("intensity");
  p.pue = r.pue("pue");
  if (auto y = r.integer("year", 1990, 2100)) p.year = static_cast<int>(*y);
  return p;
}

}  // namespace

Result<ClusterConfig> parse_cluster_config(std::string_view text, const std::string& path) {
  CS_RETURN_IF_ERROR(project::check_toml_depth(text, path));
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    return Status::invalid_argument(
        fmt::format("{}:{}:{}: {}", path, e.source().begin.line, e.source().begin.column, e.description()));
  }
  project::Errors errors(path);
  const project::TableReader top(root, "the cluster", keys({"cluster", "partitions", "gpu_types"}), errors);
  ClusterConfig c;
  c.path = path;
  c.name = top.text("cluster").value_or("");
  c.defaults = read_partition(top);
  if (const toml::node* parts = root.get("partitions")) {
    if (const toml::table* t = parts->as_table()) {
      for (const auto& [name, node] : *t) {
        if (const toml::table* pt = node.as_table()) {
          const std::string n(name.str());
          c.partitions[n] =
              read_partition(project::TableReader(*pt, "[partitions." + n + "]", keys({}), errors));
        } else {
          errors.at(node.source(), fmt::format("partitions.{} must be a table: write [partitions.{}]",
                                               name.str(), name.str()));
        }
      }
    } else {
      top.error("partitions", "must be a table: write [partitions.NAME]");
    }
  }
  if (const toml::node* types = root.get("gpu_types")) {
    if (const toml::table* t = types->as_table()) {
      for (const auto& [type, node] : *t) {
        if (const auto* s = node.as_string()) {
          c.gpu_types[std::string(type.str())] = s->get();
        } else {
          errors.at(node.source(), fmt::format("gpu_types.{}: give the accelerator's name as a string, e.g. "
                                               "{} = \"A100 SXM4 80GB\"",
                                               type.str(), type.str()));
        }
      }
    } else {
      top.error("gpu_types",
                "must be a table: write [gpu_types] with lines such as a100 = \"A100 SXM4 80GB\"");
    }
  }
  CS_RETURN_IF_ERROR(errors.status());
  return c;
}

Result<ClusterConfig> load_cluster_config(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    return Status::not_found(
        fmt::format("cannot read the cluster description {}: check the path given to --cluster-file "
                    "(see docs/clusters.md for its format)",
                    path));
  }
  std::ostringstream text;
  text << in.rdbuf();
  return parse_cluster_config(text.str(), path);
}

}  // namespace carbonscope::cluster

// Local rank, local world size and job identity from each launcher's variables.
#include "carbonscope/node_rank.h"

#include <gtest/gtest.h>

#include <map>
#include <string>

namespace carbonscope {
namespace {

NodeRank of(const std::map<std::string, std::string>& vars) {
  Environment env;
  for (const auto& [name, value] : vars) env.set(name, value);
  return node_rank_from_env(env);
}

TEST(NodeRank, TorchrunRanks) {
  const NodeRank first =
      of({{"LOCAL_RANK", "0"}, {"LOCAL_WORLD_SIZE", "4"}, {"MASTER_ADDR", "n1"}, {"MASTER_PORT", "29500"}});
  EXPECT_EQ(first.job, "master-n1:29500");
  EXPECT_FALSE(first.follower());
  EXPECT_TRUE(first.shares_node());
  const NodeRank third = of({{"LOCAL_RANK", "2"},
                             {"LOCAL_WORLD_SIZE", "4"},
                             {"TORCHELASTIC_RUN_ID", "r1"},
                             {"MASTER_ADDR", "n1"},
                             {"MASTER_PORT", "29500"}});
  EXPECT_EQ(third.job, "torchelastic-r1");
  EXPECT_TRUE(third.follower());
}

TEST(NodeRank, GlobalRankModuloTheLocalWorldSize) {
  const NodeRank r =
      of({{"RANK", "13"}, {"LOCAL_WORLD_SIZE", "8"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}});
  EXPECT_EQ(r.local_rank, 5);
  EXPECT_FALSE(of({{"RANK", "13"}}).local_rank.has_value());
}

TEST(NodeRank, SrunTasks) {
  const NodeRank r = of({{"SLURM_JOB_ID", "77"},
                         {"SLURM_STEP_ID", "3"},
                         {"SLURM_LOCALID", "1"},
                         {"SLURM_NODEID", "1"},
                         {"SLURM_STEP_TASKS_PER_NODE", "2(x2),1"}});
  EXPECT_EQ(r.job, "slurm-77.3");
  EXPECT_EQ(r.local_rank, 1);
  EXPECT_EQ(r.local_world_size, 2);
  EXPECT_TRUE(r.follower());
  const NodeRank last = of({{"SLURM_JOB_ID", "77"},
                            {"SLURM_LOCALID", "0"},
                            {"SLURM_NODEID", "2"},
                            {"SLURM_STEP_TASKS_PER_NODE", "2(x2),1"}});
  EXPECT_EQ(last.local_world_size, 1);
  EXPECT_FALSE(last.shares_node());  // alone on its node: tracks its own tree as usual
}

TEST(NodeRank, NoLauncherNoDeduplication) {
  EXPECT_FALSE(of({}).follower());
  EXPECT_FALSE(of({}).shares_node());
  // A local rank without any job identity cannot find its node's first rank.
  EXPECT_FALSE(of({{"LOCAL_RANK", "3"}}).follower());
  EXPECT_FALSE(of({{"LOCAL_RANK", "x"}, {"MASTER_ADDR", "a"}, {"MASTER_PORT", "1"}}).local_rank.has_value());
}

// The local world size of Slurm node SLURM_NODEID, from SLURM_STEP_TASKS_PER_NODE.
std::optional<int> slurm_tasks_on_node(const std::string& spec, int node) {
  return of({{"SLURM_LOCALID", "0"}, {"SLURM_STEP_TASKS_PER_NODE", spec}, {"SLURM_NODEID", std::to_string(node)}})
      .local_world_size;
}

TEST(NodeRank, SlurmTaskCounts) {
  EXPECT_EQ(slurm_tasks_on_node("4", 0), 4);
  EXPECT_EQ(slurm_tasks_on_node("2(x3),1", 2), 2);
  EXPECT_EQ(slurm_tasks_on_node("2(x3),1", 3), 1);
  EXPECT_FALSE(slurm_tasks_on_node("2(x3),1", 4).has_value());
  EXPECT_FALSE(slurm_tasks_on_node("2(x", 0).has_value());
  EXPECT_FALSE(slurm_tasks_on_node("", 0).has_value());
  // SLURM_TASKS_PER_NODE when the step's own count is not set.
  EXPECT_EQ(of({{"SLURM_LOCALID", "1"}, {"SLURM_TASKS_PER_NODE", "3"}}).local_world_size, 3);
}

}  // namespace
}  // namespace carbonscope

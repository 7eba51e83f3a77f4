// TrackerSetup -> TrackerConfig: the interval, the location and its notes, the
// CARBONSCOPE_* environment, and errors in the caller's style.
#include "carbonscope/tracker_setup.h"

#include <cstdlib>

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

TEST(TrackerSetup, MakesAConfig) {
  TrackerSetup s;
  s.interval = "100ms";
  s.project = "p";
  s.output_dir = "out";
  s.location.region = "FR";
  s.location.pue = "1.2";
  auto c = make_tracker_config(data(), s);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_DOUBLE_EQ(c->interval.count(), 0.1);
  EXPECT_EQ(c->project, "p");
  EXPECT_EQ(c->output_dir, "out");
  EXPECT_EQ(c->region, "France (FR)");
  EXPECT_EQ(c->pue.value.central, 1.2);
  EXPECT_EQ(c->intensity.provenance.region, "FR");
}

TEST(TrackerSetup, DefaultsAreNoted) {
  auto c = make_tracker_config(data(), TrackerSetup{});
  ASSERT_TRUE(c.ok());
  bool noted = false;
  for (const std::string& n : c->notes) noted = noted || n.rfind("intensity: ", 0) == 0;
  EXPECT_TRUE(noted);
}

TEST(TrackerSetup, ReadsTheEnvironment) {
  ::setenv("CARBONSCOPE_FAKE_SENSORS", "cpu=45W", 1);
  auto c = make_tracker_config(data(), TrackerSetup{});
  ::unsetenv("CARBONSCOPE_FAKE_SENSORS");
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->fake_sensors, "cpu=45W");
}

TEST(TrackerSetup, TakesTheEnvironmentItIsGiven) {
  TrackerSetup s;
  s.env = Environment{{"CARBONSCOPE_FAKE_SENSORS", "gpu=250W"}, {"CARBONSCOPE_NVML_LIBRARY", "/x/libnvml.so"}};
  auto c = make_tracker_config(data(), s);
  ASSERT_TRUE(c.ok());
  EXPECT_EQ(c->fake_sensors, "gpu=250W");
  EXPECT_EQ(c->nvml_library, "/x/libnvml.so");
  EXPECT_EQ(c->proc_root, "/");  // unset: the default
}

TEST(TrackerSetup, IntervalErrorsInBothStyles) {
  TrackerSetup s;
  s.interval = "5ms";
  EXPECT_EQ(make_tracker_config(data(), s).status().message(), "--interval 5ms: the shortest interval is 10ms");
  s.style = ArgStyle::kKeyword;
  EXPECT_EQ(make_tracker_config(data(), s).status().message(), "interval 5ms: the shortest interval is 10ms");
  s.interval = "soon";
  EXPECT_EQ(make_tracker_config(data(), s).status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

TEST(TrackerSetup, TagsAreCopiedOnceEachAndNeverEmpty) {
  TrackerSetup s;
  s.tags = {"sweep", "lr=0.1", "sweep"};
  auto c = make_tracker_config(**DataSet::builtin(), s);
  ASSERT_TRUE(c.ok()) << c.status().to_string();
  EXPECT_EQ(c->tags, (std::vector<std::string>{"sweep", "lr=0.1"}));
  s.tags = {""};
  EXPECT_EQ(make_tracker_config(**DataSet::builtin(), s).status().message(), "--tag: a tag cannot be empty");
  s.style = ArgStyle::kKeyword;
  EXPECT_EQ(make_tracker_config(**DataSet::builtin(), s).status().message(), "tags: a tag cannot be empty");
}

}  // namespace
}  // namespace carbonscope

// The shared matcher: exact names, containment, ambiguity and suggestions.
#include "carbonscope/name_match.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

std::vector<MatchEntry> gpus() {
  return {{"NVIDIA A100 SXM4 80GB", {"NVIDIA A100 SXM4 80GB", "NVIDIA A100-SXM4-80GB"}},
          {"NVIDIA A100 PCIe 40GB", {"NVIDIA A100 PCIe 40GB"}},
          {"NVIDIA A100 PCIe 80GB", {"NVIDIA A100 PCIe 80GB"}},
          {"NVIDIA Tesla V100 SXM2 32GB", {"NVIDIA Tesla V100 SXM2 32GB", "V100"}},
          {"NVIDIA GeForce GTX 1080 Ti", {"NVIDIA GeForce GTX 1080 Ti"}}};
}

TEST(Matcher, Normalises) {
  EXPECT_EQ(normalise_name(" A100-SXM4_80GB "), "a100 sxm4 80gb");
  EXPECT_EQ(edit_distance("kitten", "sitting"), 3u);
}

TEST(Matcher, ExactAndContainment) {
  EXPECT_EQ(*match_name("nvidia a100-sxm4-80gb", gpus(), "GPU", "list"), 0u);
  EXPECT_EQ(*match_name("A100 SXM4 80GB", gpus(), "GPU", "list"), 0u);
  EXPECT_EQ(*match_name("1080 ti", gpus(), "GPU", "list"), 4u);
  EXPECT_EQ(*match_name("V100", gpus(), "GPU", "list"), 3u);
}

TEST(Matcher, AmbiguousListsCandidates) {
  const auto r = match_name("A100", gpus(), "GPU", "list");
  ASSERT_EQ(r.status().code(), StatusCode::kAmbiguous);
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("NVIDIA A100 SXM4 80GB"), std::string::npos);
  EXPECT_NE(m.find("NVIDIA A100 PCIe 40GB"), std::string::npos);
  EXPECT_NE(m.find("NVIDIA A100 PCIe 80GB"), std::string::npos);
  EXPECT_EQ(m.find("V100"), std::string::npos);
}

TEST(Matcher, UnknownSuggestsAtMostFive) {
  const auto r = match_name("A1000 SXM", gpus(), "GPU", "carbonscope data hardware");
  ASSERT_EQ(r.status().code(), StatusCode::kNotFound);
  const std::string& m = r.status().message();
  EXPECT_NE(m.find("did you mean"), std::string::npos);
  EXPECT_NE(m.find("NVIDIA A100 SXM4 80GB"), std::string::npos);
  EXPECT_NE(m.find("carbonscope data hardware"), std::string::npos);
  std::size_t lines = 0;
  for (char c : m) lines += c == '\n' ? 1 : 0;
  EXPECT_LE(lines, 6u);
  EXPECT_EQ(match_name("  ", gpus(), "GPU", "list").status().code(), StatusCode::kInvalidArgument);
}

}  // namespace
}  // namespace carbonscope

namespace carbonscope {
namespace {

std::vector<MatchEntry> zones() {
  return {{"UA (Ukraine)", {"UA", "Ukraine"}, 0},
          {"US-KS (Kansas)", {"US-KS", "Kansas"}, 1},
          {"GB (United Kingdom)", {"GB", "United Kingdom", "GBR"}, 0},
          {"DK (Denmark)", {"DK", "Denmark"}, 0},
          {"DE (Germany)", {"DE", "Germany"}, 0}};
}

// "UK" is United Kingdom's initials: it comes first, not the codes one letter away.
TEST(Matcher, InitialsAndPrefixesRankFirst) {
  const auto uk = match_name("UK", zones(), "region", "list");
  ASSERT_EQ(uk.status().code(), StatusCode::kNotFound);
  const std::string& m = uk.status().message();
  EXPECT_NE(m.find("did you mean:\n  GB (United Kingdom)"), std::string::npos) << m;
  const auto germ = match_name("Germ", zones(), "region", "list");
  ASSERT_EQ(germ.status().code(), StatusCode::kNotFound);
  EXPECT_NE(germ.status().message().find("did you mean:\n  DE (Germany)"), std::string::npos)
      << germ.status().message();
}

// Equally close, a lower rank (a country) comes before a higher one (a state).
TEST(Matcher, RankBreaksTies) {
  const auto r = match_name("UZ", zones(), "region", "list");
  ASSERT_EQ(r.status().code(), StatusCode::kNotFound);
  const std::string& m = r.status().message();
  ASSERT_NE(m.find("UA (Ukraine)"), std::string::npos) << m;
  if (m.find("US-KS") != std::string::npos) {
    EXPECT_LT(m.find("UA (Ukraine)"), m.find("US-KS")) << m;
  }
}

}  // namespace
}  // namespace carbonscope

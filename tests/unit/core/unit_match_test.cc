// The case rule for units, on a small table: exact spellings win, case is free unless
// an m/M prefix is involved, refused spellings say why.
#include "core/unit_match.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

const std::vector<UnitSpelling>& table() {
  static const std::vector<UnitSpelling> k = {free_case("W", 1), free_case("kW", 1e3),
                                              exact_case("mW", 1e-3, "milliwatts"),
                                              exact_case("MW", 1e6, "megawatts"),
                                              refused_unit("MMW", "no such unit: write MW")};
  return k;
}

TEST(UnitMatch, ExactCaseFreeAndAmbiguous) {
  EXPECT_DOUBLE_EQ(*match_unit("mW", table(), "1mW", "watts"), 1e-3);
  EXPECT_DOUBLE_EQ(*match_unit("MW", table(), "1MW", "watts"), 1e6);
  EXPECT_DOUBLE_EQ(*match_unit("KW", table(), "1KW", "watts"), 1e3);
  EXPECT_DOUBLE_EQ(*match_unit("w", table(), "1w", "watts"), 1);
  const auto amb = match_unit("Mw", table(), "1Mw", "watts");
  ASSERT_FALSE(amb.ok());
  EXPECT_NE(amb.status().message().find("mW (milliwatts) or MW (megawatts)"), std::string::npos);
  const auto refused = match_unit("MMW", table(), "1MMW", "watts");
  ASSERT_FALSE(refused.ok());
  EXPECT_NE(refused.status().message().find("write MW"), std::string::npos);
  const auto unknown = match_unit("furlong", table(), "1furlong", "watts such as 400W");
  ASSERT_FALSE(unknown.ok());
  EXPECT_NE(unknown.status().message().find("400W"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope

// --weigh: parsing and refusals, and the min-max scaled weighted score.
#include "accounting/plan_weigh.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

std::string error_of(std::string_view text) {
  auto w = parse_weights(text);
  return w.ok() ? "" : w.status().message();
}

TEST(ParseWeights, CriteriaAndDefaults) {
  auto w = parse_weights("carbon=1,distance=0.3");
  ASSERT_TRUE(w.ok()) << w.status().to_string();
  EXPECT_DOUBLE_EQ(w->carbon, 1);
  EXPECT_DOUBLE_EQ(w->distance, 0.3);
  w = parse_weights("distance=2");  // a criterion left out weighs 0
  ASSERT_TRUE(w.ok());
  EXPECT_DOUBLE_EQ(w->carbon, 0);
  EXPECT_DOUBLE_EQ(w->distance, 2);
  w = parse_weights(" carbon = 0.5 , distance = 0 ");
  ASSERT_TRUE(w.ok());
  EXPECT_DOUBLE_EQ(w->carbon, 0.5);
}

TEST(ParseWeights, Refusals) {
  EXPECT_NE(error_of("carbon=1,price=0.5").find("no price criterion: there is no open"), std::string::npos);
  EXPECT_NE(error_of("latency=1").find("unknown criterion 'latency'; criteria: carbon, distance"),
            std::string::npos);
  EXPECT_NE(error_of("carbon=-1").find("is negative"), std::string::npos);
  EXPECT_NE(error_of("carbon=0,distance=0").find("every weight is 0"), std::string::npos);
  EXPECT_NE(error_of("carbon=1,carbon=2").find("carbon is given twice"), std::string::npos);
  EXPECT_NE(error_of("carbon").find("is not CRITERION=WEIGHT"), std::string::npos);
  EXPECT_NE(error_of("carbon=lots").find("weight 'lots' of carbon is not a number"), std::string::npos);
  EXPECT_NE(error_of("carbon=inf").find("is not a number"), std::string::npos);
  EXPECT_NE(error_of("").find("is not CRITERION=WEIGHT"), std::string::npos);
}

// Three options: emissions 1, 2, 3 kg at 300, 200, 100 km.
std::vector<PlanOption> three() {
  std::vector<PlanOption> out(3);
  for (int i = 0; i < 3; ++i) {
    out[i].emissions = Range<Emissions>::exact(Emissions::kg(i + 1));
    out[i].distance_km = 300 - 100 * i;
  }
  return out;
}

TEST(WeighOptions, MinMaxScaledWeightedMean) {
  auto o = three();
  weigh_options(o, {1, 0});  // carbon alone: the emissions order, scores 1, 0.5, 0
  EXPECT_DOUBLE_EQ(o[0].emissions.central.kg(), 1);
  EXPECT_DOUBLE_EQ(*o[0].score, 1);
  EXPECT_DOUBLE_EQ(*o[1].score, 0.5);
  EXPECT_DOUBLE_EQ(*o[2].score, 0);

  o = three();
  weigh_options(o, {1, 3});  // (1*c + 3*d) / 4: 0.25, 0.5, 0.75 -> the nearest first
  EXPECT_DOUBLE_EQ(*o[0].distance_km, 100);
  EXPECT_DOUBLE_EQ(*o[0].score, 0.75);
  EXPECT_DOUBLE_EQ(*o[1].score, 0.5);
  EXPECT_DOUBLE_EQ(*o[2].score, 0.25);

  o = three();
  weigh_options(o, {1, 1});  // all 0.5: ties go to the lower emissions
  for (const PlanOption& x : o) EXPECT_DOUBLE_EQ(*x.score, 0.5);
  EXPECT_DOUBLE_EQ(o[0].emissions.central.kg(), 1);
  EXPECT_DOUBLE_EQ(o[2].emissions.central.kg(), 3);
}

TEST(WeighOptions, EqualValuesScoreOneAndTheScaleIsOverTheCandidates) {
  std::vector<PlanOption> o(2);
  for (PlanOption& x : o) {
    x.emissions = Range<Emissions>::exact(Emissions::kg(5));
    x.distance_km = 10;
  }
  weigh_options(o, {1, 0.3});
  EXPECT_DOUBLE_EQ(*o[0].score, 1);
  EXPECT_DOUBLE_EQ(*o[1].score, 1);
  // Scaling is over the candidates: a far, dirty fourth one changes the scale, and so
  // the order of the three, which tie at 0.5 without it (above).
  auto a = three();
  a.push_back(a[0]);
  a.back().emissions = Range<Emissions>::exact(Emissions::kg(11));
  a.back().distance_km = 1000;
  weigh_options(a, {1, 1});
  EXPECT_DOUBLE_EQ(*a.back().score, 0);
  // carbon 1 - (e - 1)/10, distance 1 - (d - 100)/900: 100 km and 3 kg scores (0.8 + 1)/2.
  EXPECT_DOUBLE_EQ(a.front().distance_km.value(), 100);
  EXPECT_DOUBLE_EQ(*a.front().score, 0.5 * (0.8 + 1.0));
  EXPECT_DOUBLE_EQ(a[1].distance_km.value(), 200);  // (0.9 + 8/9)/2 = 0.894
  EXPECT_DOUBLE_EQ(a[2].distance_km.value(), 300);  // (1 + 7/9)/2 = 0.889
  auto huge = three();  // weights are relative: 1e308 each is 1:1, without overflow
  weigh_options(huge, {1e308, 1e308});
  for (const PlanOption& x : huge) EXPECT_DOUBLE_EQ(*x.score, 0.5);
  std::vector<PlanOption> none;
  weigh_options(none, {1, 1});
  EXPECT_TRUE(none.empty());
}

}  // namespace
}  // namespace carbonscope

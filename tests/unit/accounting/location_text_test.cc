// A name given to the wrong location argument is sent to the right one, in the caller's
// style: a cloud region to --region, a country to --cloud (newcomer report #9).
#include "accounting/location_text.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

LocationText region(const std::string& r) {
  LocationText t;
  t.region = r;
  return t;
}
LocationText cloud(const std::string& c) {
  LocationText t;
  t.cloud = c;
  return t;
}
LocationText both(const std::string& r, const std::string& c) {
  LocationText t = region(r);
  t.cloud = c;
  return t;
}

std::string error_for(LocationText t, ArgStyle style = ArgStyle::kFlag) {
  auto r = resolve_location_text(data(), t, style);
  return r.ok() ? "" : r.status().message();
}

TEST(LocationText, CloudRegionGivenAsRegionPointsToCloud) {
  EXPECT_EQ(error_for(region("us-east-1")),
            "--region: 'us-east-1' is a cloud region, not a grid zone: use --cloud aws:us-east-1");
  EXPECT_EQ(error_for(region("eu-west-1")),
            "--region: 'eu-west-1' is a cloud region, not a grid zone: use --cloud aws:eu-west-1");
  EXPECT_EQ(error_for(region("us-east1")),
            "--region: 'us-east1' is a cloud region, not a grid zone: use --cloud gcp:us-east1");
  EXPECT_EQ(error_for(region("us-east-1"), ArgStyle::kKeyword),
            "region: 'us-east-1' is a cloud region, not a grid zone: use cloud='aws:us-east-1'");
  // Near misses of a region id find it too.
  EXPECT_NE(error_for(region("useast-1")).find("--cloud aws:us-east-1"), std::string::npos);
  // Same id but for punctuation beats one typo: us-east-2 is not offered for useast1.
  const std::string squeezed = error_for(region("useast1"));
  EXPECT_NE(squeezed.find("is a cloud region, not a grid zone: use --cloud aws:us-east-1 (or --cloud gcp:us-east1)"),
            std::string::npos)
      << squeezed;
  EXPECT_EQ(squeezed.find("us-east-2"), std::string::npos) << squeezed;
  EXPECT_NE(error_for(region("us-eest-1")).find("looks like a cloud region"), std::string::npos);
  // The code is not a NotFound for nothing: the status says kNotFound, exit code 2.
  auto r = resolve_location_text(data(), region("us-east-1"));
  EXPECT_EQ(r.status().code(), StatusCode::kNotFound);
}

TEST(LocationText, CountryGivenAsCloudPointsToRegion) {
  EXPECT_NE(error_for(cloud("Ukraine")).find("use --region UA"), std::string::npos) << error_for(cloud("Ukraine"));
  EXPECT_NE(error_for(cloud("Ukraine"), ArgStyle::kKeyword).find("use region='UA'"), std::string::npos);
}

TEST(LocationText, UkSuggestsGreatBritainFirst) {
  const std::string m = error_for(region("UK"));
  EXPECT_NE(m.find("did you mean:\n  GB (United Kingdom)"), std::string::npos) << m;
}

TEST(LocationText, ConflictNamesArgumentsInTheCallersStyle) {
  EXPECT_NE(error_for(both("FR", "gcp:us-central1"), ArgStyle::kKeyword).find("region and cloud conflict"),
            std::string::npos);
  EXPECT_NE(error_for(both("FR", "gcp:us-central1")).find("--region and --cloud conflict"),
            std::string::npos);
}

TEST(LocationText, ProperNamesStillResolve) {
  EXPECT_TRUE(resolve_location_text(data(), region("GB")).ok());
  EXPECT_TRUE(resolve_location_text(data(), region("United Kingdom")).ok());
  EXPECT_TRUE(resolve_location_text(data(), cloud("aws:us-east-1")).ok());
  EXPECT_TRUE(resolve_location_text(data(), cloud("us-east-1")).ok());
}

}  // namespace
}  // namespace carbonscope

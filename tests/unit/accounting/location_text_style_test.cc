// Errors of location texts and FLOP estimates name arguments only in the caller's style:
// a Python caller never reads a command-line flag (--region, --precision).
#include <gtest/gtest.h>

#include "accounting/estimate_request.h"
#include "accounting/location_text.h"

namespace carbonscope {
namespace {

const DataSet& data() { return **DataSet::builtin(); }

TEST(LocationTextStyle, RegionAndCloudConflictNamesBothInTheCallersStyle) {
  LocationText t;
  t.region = "FR";
  t.cloud = "aws:us-east-1";
  const Status flag = resolve_location_text(data(), t).status();
  EXPECT_EQ(flag.code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(flag.message().rfind("--region and --cloud conflict", 0), 0u) << flag.message();
  const Status keyword = resolve_location_text(data(), t, ArgStyle::kKeyword).status();
  EXPECT_EQ(keyword.message().rfind("region and cloud conflict", 0), 0u) << keyword.message();
  EXPECT_EQ(keyword.message().find("--"), std::string::npos) << keyword.message();
}

TEST(LocationTextStyle, AnUnknownPrecisionNamesNoFlagInKeywordStyle) {
  EstimateRequest r;
  r.gpu = "H100 SXM5 80GB";
  r.params = "7B";
  r.tokens = "1T";
  r.precision = "fp3";
  r.style = ArgStyle::kKeyword;
  const Status st = run_estimate(data(), r).status();
  EXPECT_EQ(st.code(), StatusCode::kNotFound);
  EXPECT_EQ(st.message().rfind("precision: no dense fp3 peak", 0), 0u) << st.message();
  EXPECT_EQ(st.message().find("--"), std::string::npos) << st.message();
}

}  // namespace
}  // namespace carbonscope

// The public JSON text API (carbonscope/json.h): malformed input is a Status and bytes
// the JSON library would throw on are written as U+FFFD; no nlohmann exception leaves it.
#include "carbonscope/json.h"

#include <gtest/gtest.h>

#include <string>

#include "formats/json_text.h"

namespace carbonscope {
namespace {

Report report_with(std::string detail) {
  Report r;
  r.run.id = "20261122T070425Z-ab12";
  r.run.project = "demo";
  ComponentEnergy cpu{"cpu", "CPU model", Range<Energy>::exact(Energy::kwh(1)),
                      {Method::kEstimated, "codecarbon-cpu", "utilisation x TDP", "", 0}};
  PueFigure pue{Range<double>::exact(1.2), {Method::kGiven, "", "--pue", "", 0}};
  IntensityFigure ci{Range<CarbonIntensity>::exact(CarbonIntensity::g_per_kwh(57)),
                     {Method::kGiven, "", std::move(detail), "", 0}};
  r.footprint = compute_footprint({cpu}, pue, ci);
  return r;
}

const std::string kReplacement = "\xEF\xBF\xBD";  // U+FFFD in UTF-8

TEST(JsonText, RoundTripsAReport) {
  const Report r = report_with("57g given");
  Result<Report> back = parse_report_json(report_json(r, 2));
  ASSERT_TRUE(back.ok()) << back.status().to_string();
  EXPECT_EQ(report_json(*back), report_json(r));
  EXPECT_EQ(back->footprint.intensity.provenance.detail, "57g given");
}

// An assumption's name is not escaped on the way in: the serialiser's type_error.316
// used to escape from here (and from the ledger, which stores the same text).
TEST(JsonText, InvalidUtf8BecomesReplacementCharacter) {
  Report r = report_with("given");
  r.assumptions.push_back({"utilisation \xff\xfe", Range<double>::exact(0.5), {Method::kDefault, "", "", "", 0}});
  std::string text;
  ASSERT_NO_THROW(text = report_json(r));
  EXPECT_NE(text.find("utilisation " + kReplacement + kReplacement), std::string::npos) << text;
  Result<Report> back = parse_report_json(text);
  ASSERT_TRUE(back.ok()) << back.status().to_string();
}

TEST(JsonText, InternalSerialiserNeverThrows) {
  const nlohmann::json j = {{"name", std::string("a\xc3")}};  // a truncated 2-byte sequence
  std::string text;
  ASSERT_NO_THROW(text = json_text(j));
  EXPECT_EQ(text, "{\"name\":\"a" + kReplacement + "\"}");
  EXPECT_EQ(json_text(nlohmann::json{{"a", 1}}, 2), "{\n  \"a\": 1\n}");
}

TEST(JsonText, MalformedReportsAreStatuses) {
  const std::string good = report_json(report_with("given"));
  struct Case {
    std::string text;
    std::string why;
  };
  const Case cases[] = {
      {"", "empty"},
      {"{\"schema\": \"carbonscope.report/1\"", "truncated"},
      {"[1, 2, 3]", "an array"},
      {"\"carbonscope.report/1\"", "a string"},
      {"{\"schema\": \"carbonscope.report/1\", \"run\": 7}", "run is a number"},
      {"{\"schema\": 5}", "schema is a number"},
  };
  for (const Case& c : cases) {
    Result<Report> r = Status::internal("unset");
    ASSERT_NO_THROW(r = parse_report_json(c.text)) << c.why;
    EXPECT_EQ(r.status().code(), StatusCode::kDataError) << c.why << ": " << r.status().to_string();
  }
  // Right shape, wrong types inside: each a Status naming the problem, not an exception.
  for (const auto& [from, to] : std::initializer_list<std::pair<std::string, std::string>>{
           {"\"tags\":[]", "\"tags\":[1]"},
           {"\"project\":\"demo\"", "\"project\":{}"},
           {"\"central\":1.0", "\"central\":\"one\""}}) {
    std::string bad = good;
    const std::size_t at = bad.find(from);
    ASSERT_NE(at, std::string::npos) << from << " in " << good;
    bad.replace(at, from.size(), to);
    Result<Report> r = Status::internal("unset");
    ASSERT_NO_THROW(r = parse_report_json(bad)) << to;
    EXPECT_EQ(r.status().code(), StatusCode::kDataError) << to;
    EXPECT_NE(r.status().message().find("malformed report JSON"), std::string::npos) << r.status().message();
  }
}

}  // namespace
}  // namespace carbonscope

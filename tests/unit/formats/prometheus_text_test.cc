// The Prometheus text exposition: escapes, values, families, and the board's figures.
#include "formats/prometheus_text.h"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <sstream>

namespace carbonscope {
namespace {

std::string label(std::string_view v) {
  std::string out;
  append_label_value(out, v);
  return out;
}

std::string value(double v) {
  std::string out;
  append_sample_value(out, v);
  return out;
}

Snapshot two_domains(double cpu_w, double cpu_j, double gpu_w, double gpu_j) {
  Snapshot s;
  s.samples = 3;
  s.components.push_back(
      {"package-0", "cpu", "rapl-powercap", Method::kMeasured, Power::watts(cpu_w), Energy::joules(cpu_j)});
  s.components.push_back(
      {"gpu-0", "gpu", "nvml", Method::kMeasured, Power::watts(gpu_w), Energy::joules(gpu_j)});
  return s;
}

// The line of `text` that starts with `prefix`, or "".
std::string line_of(const std::string& text, const std::string& prefix) {
  std::istringstream in(text);
  for (std::string line; std::getline(in, line);) {
    if (line.rfind(prefix, 0) == 0) return line;
  }
  return "";
}

TEST(PrometheusText, LabelValuesEscapeBackslashQuoteAndNewline) {
  EXPECT_EQ(label("plain"), "plain");
  EXPECT_EQ(label(R"(a\b)"), R"(a\\b)");
  EXPECT_EQ(label("say \"hi\""), R"(say \"hi\")");
  EXPECT_EQ(label("two\nlines"), R"(two\nlines)");
  EXPECT_EQ(label("caf\xc3\xa9"), "caf\xc3\xa9");  // UTF-8 goes through as it is
}

TEST(PrometheusText, HelpEscapesBackslashAndNewlineOnly) {
  std::string out;
  append_help_text(out, "a \"q\" \\ and\nmore");
  EXPECT_EQ(out, "a \"q\" \\\\ and\\nmore");
}

TEST(PrometheusText, ValuesReadBackExactlyAndSpecialsAreSpelledAsTheFormatSays) {
  EXPECT_EQ(value(0), "0");
  EXPECT_EQ(value(45), "45");
  EXPECT_EQ(std::stod(value(0.1)), 0.1);
  EXPECT_EQ(std::stod(value(123456.789012345)), 123456.789012345);
  EXPECT_EQ(value(std::numeric_limits<double>::quiet_NaN()), "NaN");
  EXPECT_EQ(value(std::numeric_limits<double>::infinity()), "+Inf");
  EXPECT_EQ(value(-std::numeric_limits<double>::infinity()), "-Inf");
}

TEST(PrometheusText, LabelNames) {
  EXPECT_TRUE(valid_label_name("node_name"));
  EXPECT_TRUE(valid_label_name("_x1"));
  EXPECT_FALSE(valid_label_name(""));
  EXPECT_FALSE(valid_label_name("1x"));
  EXPECT_FALSE(valid_label_name("__name__"));
  EXPECT_FALSE(valid_label_name("job-id"));
}

TEST(MetricsBoard, BeforeTheFirstSampleOnlyDescriptionsAndZeroSamples) {
  MetricsBoard board({{{"node_name", "n1"}}, 1.0, 100});
  std::string text;
  board.render(text);
  EXPECT_NE(text.find("# TYPE carbonscope_node_joules_total counter\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE carbonscope_node_watts gauge\n"), std::string::npos);
  EXPECT_NE(text.find("# TYPE carbonscope_node_co2e_grams_total counter\n"), std::string::npos);
  EXPECT_EQ(line_of(text, "carbonscope_node_joules_total{"), "");
  EXPECT_EQ(line_of(text, "carbonscope_samples_total"), "carbonscope_samples_total{node_name=\"n1\"} 0");
}

TEST(MetricsBoard, OneSeriesPerDomainWithItsLabelsAndFigures) {
  MetricsBoard board({{{"node_name", "n1"}, {"job_id", "42"}}, 1.5, 400});
  board.update(two_domains(45, 900, 250, 5000));
  std::string text;
  board.render(text);
  EXPECT_EQ(
      line_of(text, "carbonscope_node_joules_total{node_name=\"n1\",job_id=\"42\",component=\"cpu\""),
      "carbonscope_node_joules_total{node_name=\"n1\",job_id=\"42\",component=\"cpu\",zone=\"package-0\","
      "source=\"rapl-powercap\",method=\"measured\"} 900");
  EXPECT_NE(line_of(text, "carbonscope_node_watts{node_name=\"n1\",job_id=\"42\",component=\"gpu\""), "");
  const std::string gpu_w =
      line_of(text, "carbonscope_node_watts{node_name=\"n1\",job_id=\"42\",component=\"gpu\"");
  EXPECT_EQ(gpu_w.substr(gpu_w.rfind(' ') + 1), "250");
  // 5000 J x PUE 1.5 x 400 g/kWh
  const std::string grams =
      line_of(text, "carbonscope_node_co2e_grams_total{node_name=\"n1\",job_id=\"42\",component=\"gpu\"");
  EXPECT_NEAR(std::stod(grams.substr(grams.rfind(' ') + 1)), 5000 * 1.5 * 400 / 3.6e6, 1e-12);
  EXPECT_EQ(line_of(text, "carbonscope_samples_total"),
            "carbonscope_samples_total{node_name=\"n1\",job_id=\"42\"} 3");
  EXPECT_EQ(line_of(text, "carbonscope_pue_ratio"),
            "carbonscope_pue_ratio{node_name=\"n1\",job_id=\"42\"} 1.5");
}

TEST(MetricsBoard, LaterSamplesUpdateTheNumbers) {
  MetricsBoard board({{}, 1.0, 0});
  board.update(two_domains(45, 900, 250, 5000));
  board.update(two_domains(50, 950, 240, 5240));
  std::string text;
  board.render(text);
  EXPECT_EQ(line_of(text, "carbonscope_node_joules_total{component=\"cpu\""),
            "carbonscope_node_joules_total{component=\"cpu\",zone=\"package-0\",source=\"rapl-powercap\","
            "method=\"measured\"} 950");
  EXPECT_EQ(line_of(text, "carbonscope_samples_total"), "carbonscope_samples_total 3");
}

TEST(MetricsBoard, HostileLabelValuesAreEscaped) {
  MetricsBoard board({{{"node_name", "a\"b\\c\nd"}}, 1.0, 0});
  std::string text;
  board.render(text);
  EXPECT_EQ(line_of(text, "carbonscope_samples_total"),
            R"(carbonscope_samples_total{node_name="a\"b\\c\nd"} 0)");
}

TEST(MetricsBoard, EveryFamilyHasHelpThenTypeBeforeItsSamples) {
  MetricsBoard board({{{"node_name", "n"}}, 1.0, 50});
  board.update(two_domains(1, 2, 3, 4));
  std::string text;
  board.render(text);
  std::istringstream in(text);
  std::string family;
  int families = 0;
  for (std::string line; std::getline(in, line);) {
    if (line.rfind("# HELP ", 0) == 0) {
      family = line.substr(7, line.find(' ', 7) - 7);
      ++families;
      continue;
    }
    if (line.rfind("# TYPE ", 0) == 0) {
      EXPECT_EQ(line.substr(7, family.size()), family) << line;
      continue;
    }
    EXPECT_EQ(line.rfind(family, 0), 0u) << line << " outside its family " << family;
  }
  EXPECT_EQ(families, 6);
  EXPECT_EQ(text.back(), '\n');
}

}  // namespace
}  // namespace carbonscope

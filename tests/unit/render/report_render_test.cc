// The public rendering entry point (carbonscope/report_render.h), through public headers
// only: what the CLI's `report`, `runs show` and `slurm report` call.
#include "carbonscope/report_render.h"

#include <gtest/gtest.h>

#include "carbonscope/report_bundle.h"
#include "support/test_reports.h"

namespace carbonscope {
namespace {

TEST(ReportRender, EveryDocumentedFormatNameParses) {
  const std::pair<const char*, ReportFormat> names[] = {
      {"text", ReportFormat::kText},      {"md", ReportFormat::kMarkdown},
      {"markdown", ReportFormat::kMarkdown}, {"latex", ReportFormat::kLatex},
      {"model-card", ReportFormat::kModelCard}, {"sci", ReportFormat::kSci},
      {"html", ReportFormat::kHtml},      {"json", ReportFormat::kJson}};
  for (const auto& [name, format] : names) {
    auto f = parse_report_format(name);
    ASSERT_TRUE(f.ok()) << name << ": " << f.status().message();
    EXPECT_EQ(*f, format) << name;
  }
}

TEST(ReportRender, UnknownFormatNamesTheValidOnes) {
  auto f = parse_report_format("pdf");
  ASSERT_FALSE(f.ok());
  EXPECT_EQ(f.status().code(), StatusCode::kInvalidArgument);
  EXPECT_NE(f.status().message().find("'pdf'"), std::string::npos) << f.status().message();
  EXPECT_NE(f.status().message().find("model-card"), std::string::npos) << f.status().message();
}

TEST(ReportRender, EmptyBundleIsNotFound) {
  auto text = render_report(ReportBundle{}, ReportFormat::kText);
  ASSERT_FALSE(text.ok());
  EXPECT_EQ(text.status().code(), StatusCode::kNotFound);
}

TEST(ReportRender, EveryFormatNamesTheRun) {
  ReportBundle b;
  b.runs = {test::measured_run("run-render-1", "bert", 1.7e9)};
  b.method_notes = true;  // run ids are among the method notes of md, latex and html
  for (ReportFormat f : {ReportFormat::kText, ReportFormat::kMarkdown, ReportFormat::kLatex,
                         ReportFormat::kHtml, ReportFormat::kJson}) {
    auto out = render_report(b, f);
    ASSERT_TRUE(out.ok()) << out.status().message();
    EXPECT_NE(out->find("run-render-1"), std::string::npos) << static_cast<int>(f) << ":\n" << *out;
  }
}

}  // namespace
}  // namespace carbonscope

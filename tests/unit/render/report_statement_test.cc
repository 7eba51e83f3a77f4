// The statement of a report: the paragraph is prose a reviewer accepts (formulas, ids,
// hints and library errors go to the method notes), a saved estimate reads as an
// estimate with its assumptions, and many runs' notes are counted, not repeated.
#include "render/report_statement.h"

#include <algorithm>

#include <fmt/format.h>
#include <gtest/gtest.h>

#include "formats/report_json.h"
#include "render/report_render.h"
#include "support/test_reports.h"

namespace carbonscope {
namespace {

constexpr const char* kFormula =
    "CPU model P = TDP x (0.1 + 0.9 x u), u = busy fraction of /proc/stat, TDP = 8 W (no TDP known for "
    "'AMD EPYC': 4 W per logical CPU x 2 (CodeCarbon's default)); range x0.6..x1.4";
constexpr const char* kHint = "no location given: world average (give --region, --cloud or --intensity)";
constexpr const char* kDlopen = "nvml: cannot load libnvidia-ml.so.1: cannot open shared object file";

Report vm_run(const std::string& id) {
  Report r = test::measured_run(id, "llama_ft", 1795251600);
  r.footprint.components[1].provenance = {Method::kEstimated, "codecarbon", kFormula, "", 0};
  r.footprint.intensity.provenance = {Method::kDefault, "owid-ember", kHint, "WORLD", 2024};
  r.notes = {kDlopen, "attribution: the job's share of the node"};
  return r;
}

Report saved_estimate() {
  Report r = test::measured_run("20261202T012600Z-5dab", "ft7b", 1795915560);
  r.run.kind = RunKind::kEstimate;
  r.run.cpu_model.clear();
  r.run.gpu_model = "NVIDIA H100 SXM5 80GB";
  r.run.gpu_count = 8;
  r.footprint =
      compute_footprint({{"gpu",
                          "8 x NVIDIA H100 SXM5 80GB",
                          Range<Energy>::exact(Energy::kwh(39.2)),
                          {Method::kEstimated, "epoch-hardware", "TDP 700 W x utilisation x time", "", 0}}},
                        r.footprint.pue, r.footprint.intensity);
  r.assumptions = {{"utilisation", Range<double>::exact(0.7), {Method::kGiven, "", "", "", 0}}};
  r.notes = {"utilisation 70% applied to device power (memory excluded)"};
  return r;
}

const StatementRow& row(const Statement& s, const std::string& quantity) {
  for (const StatementRow& r : s.rows) {
    if (r.quantity == quantity) return r;
  }
  static const StatementRow none{};
  ADD_FAILURE() << "no row " << quantity;
  return none;
}

TEST(ReportStatement, ParagraphIsProseWithMethodNotesApart) {
  ReportBundle b;
  b.runs = {vm_run("20261202T010000Z-aa11")};
  const Statement s = build_statement(build_report_view(b));
  for (const char* absent : {"20261202T010000Z-aa11", "P = TDP", "/proc/stat", "--", "libnvidia", "give "}) {
    EXPECT_EQ(s.paragraph.find(absent), std::string::npos) << absent << " in: " << s.paragraph;
  }
  for (const char* present :
       {"1 h 00 min", "NVIDIA A100-SXM4-40GB", " in FR", "400 Wh", "owid-ember, WORLD, 2024",
        "measured by hardware energy counters", "CPU energy estimated with a power model", "g CO2e ("}) {
    EXPECT_NE(s.paragraph.find(present), std::string::npos) << present << " not in: " << s.paragraph;
  }
  EXPECT_EQ(row(s, "Energy, CPU").how, "estimated [codecarbon]");  // the formula is a method note
  // The method notes carry what the paragraph and table leave out.
  std::string notes;
  for (const auto& n : s.notes) notes += n + "\n";
  EXPECT_NE(notes.find("Run id: 20261202T010000Z-aa11"), std::string::npos) << notes;
  EXPECT_NE(notes.find(kFormula), std::string::npos) << notes;
  EXPECT_NE(notes.find("give --region"), std::string::npos) << notes;
  EXPECT_NE(notes.find(kDlopen), std::string::npos) << notes;
  // Off by default in md, latex and html; `--notes` turns them on; text always has them.
  for (const ReportFormat f : {ReportFormat::kMarkdown, ReportFormat::kLatex, ReportFormat::kHtml}) {
    b.method_notes = false;
    const std::string off = *render_report(b, f);
    EXPECT_EQ(off.find("libnvidia"), std::string::npos) << off;
    EXPECT_EQ(off.find("/proc/stat"), std::string::npos) << off;
    b.method_notes = true;
    const std::string on = *render_report(b, f);
    EXPECT_NE(on.find("libnvidia"), std::string::npos) << on;
    EXPECT_NE(on.find("/proc/stat"), std::string::npos) << on;
  }
  b.method_notes = false;
  EXPECT_NE(render_text(build_report_view(b)).find("libnvidia"), std::string::npos);
}

TEST(ReportStatement, SavedEstimateReadsAsAnEstimateWithItsAssumptions) {
  ReportBundle b;
  b.runs = {saved_estimate()};
  const Statement s = build_statement(build_report_view(b));
  EXPECT_EQ(s.paragraph.rfind(
                "The estimate for project ft7b, prepared at 2026-11-29 01:26 UTC, assumes 1 h 00 min on "
                "8 x NVIDIA H100 SXM5 80GB in FR, at 70% utilisation (given).",
                0),
            0u)
      << s.paragraph;
  EXPECT_EQ(s.paragraph.find("started"), std::string::npos);
  EXPECT_NE(s.paragraph.find("rated power x utilisation x time"), std::string::npos) << s.paragraph;
  EXPECT_NE(s.paragraph.find("would use 39.2 kWh of electricity"), std::string::npos) << s.paragraph;
  EXPECT_NE(s.paragraph.find("PUE of 1.20 (given)"), std::string::npos) << s.paragraph;
  EXPECT_EQ(row(s, "Hardware").how, "given");
  EXPECT_EQ(row(s, "Duration").how, "given");
  EXPECT_EQ(row(s, "Utilisation").value, "70%");
  EXPECT_EQ(row(s, "Utilisation").how.rfind("given", 0), 0u);
  for (const StatementRow& r : s.rows) {
    EXPECT_EQ(r.how.find("tracker"), std::string::npos) << r.quantity;
    EXPECT_EQ(r.how.find("wall clock"), std::string::npos) << r.quantity;
  }
  // The assumptions travel with the report through its JSON (and so the ledger).
  const Result<Report> back = report_from_json(to_json(b.runs.front()));
  ASSERT_TRUE(back.ok()) << back.status().message();
  ASSERT_EQ(back->assumptions.size(), 1u);
  EXPECT_EQ(back->assumptions[0].name, "utilisation");
  EXPECT_DOUBLE_EQ(back->assumptions[0].value.central, 0.7);
  EXPECT_EQ(back->assumptions[0].provenance.method, Method::kGiven);
}

TEST(ReportStatement, NotesOfManyRunsAreCountedOnce) {
  ReportBundle b;
  for (int i = 0; i < 30; ++i) b.runs.push_back(vm_run(fmt::format("20261202T01{:02}00Z-aa11", i)));
  b.runs[7].notes.push_back("killed by signal 9: figures cover the first 10 min");
  const Statement s = build_statement(build_report_view(b));
  EXPECT_LE(s.notes.size(), 6u);
  int dlopen = 0;
  for (const auto& n : s.notes) {
    if (n.find("libnvidia") != std::string::npos) {
      ++dlopen;
      EXPECT_NE(n.find("(in 30 runs)"), std::string::npos) << n;
    }
  }
  EXPECT_EQ(dlopen, 1);
  EXPECT_NE(std::find(s.notes.begin(), s.notes.end(),
                      "20261202T010700Z-aa11: killed by signal 9: figures cover the first 10 min"),
            s.notes.end());
}

}  // namespace
}  // namespace carbonscope

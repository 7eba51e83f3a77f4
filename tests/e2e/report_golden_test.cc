// Every report format, rendered by the real binary from a fixed ledger, matches its
// golden file in tests/fixtures/reports/golden/; the LaTeX compiles when a TeX engine
// is installed and is checked structurally otherwise.
#include <sys/wait.h>

#include <cstdlib>
#include <filesystem>
#include <regex>

#include <gtest/gtest.h>

#include "e2e/cli.h"
#include "e2e/ledger_util.h"

namespace carbonscope::test {
namespace {

constexpr const char* kSingle = "20261121T090000Z-a1b2c3";

struct Case {
  const char* format;
  const char* ext;
};
constexpr Case kCases[] = {{"text", "txt"}, {"md", "md"},    {"latex", "tex"}, {"model-card", "model-card.yaml"},
                           {"sci", "sci.txt"}, {"html", "html"}, {"json", "json"}};

class ReportGolden : public ::testing::Test {
 protected:
  static void SetUpTestSuite() { ledger_ = new std::string(fixture_ledger()); }
  static void TearDownTestSuite() { delete ledger_; }
  static std::string* ledger_;
};
std::string* ReportGolden::ledger_ = nullptr;

TEST_F(ReportGolden, SingleRunInEveryFormat) {
  for (const Case& c : kCases) {
    const CliResult r = run_cli({"report", kSingle, "--ledger", *ledger_, "--format", c.format, "--training-type",
                                 "fine-tuning"});
    ASSERT_EQ(r.exit_code, 0) << c.format << ": " << r.err;
    expect_golden(std::string("single.") + c.ext, r.out);
  }
}

TEST_F(ReportGolden, AllRunsInEveryFormat) {
  for (const Case& c : kCases) {
    const CliResult r = run_cli({"report", "--since", "2026-11-01", "--ledger", *ledger_, "--format", c.format,
                                 "--functional-unit", "1000", "--functional-unit-name", "query", "--embodied-kg", "2",
                                 "--compare-intensity", "NO=30", "--compare-intensity", "PL=0.66kg/kWh"});
    ASSERT_EQ(r.exit_code, 0) << c.format << ": " << r.err;
    expect_golden(std::string("all.") + c.ext, r.out);
  }
}

TEST_F(ReportGolden, OutputFileAndLastAndErrors) {
  const std::string out = temp_dir() + "/r.md";
  CliResult r = run_cli({"report", "last", "--ledger", *ledger_, "-f", "md", "-o", out});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(read_file(out).find("llm_pretrain & co"), std::string::npos);
  // The run id is a method note: left out of md unless --notes asks for them.
  EXPECT_EQ(read_file(out).find("20261123T080000Z-0789ab"), std::string::npos);
  r = run_cli({"report", "last", "--ledger", *ledger_, "-f", "md", "--notes"});
  EXPECT_NE(r.out.find("### Method notes"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("20261123T080000Z-0789ab"), std::string::npos) << r.out;
  r = run_cli({"report", "--ledger", *ledger_});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("which runs?"), std::string::npos);
  r = run_cli({"report", "nope", "--ledger", *ledger_});
  EXPECT_EQ(r.exit_code, 2);
  r = run_cli({"report", "last", "--ledger", *ledger_, "-f", "pdf"});
  EXPECT_EQ(r.exit_code, 2);
  EXPECT_NE(r.err.find("model-card"), std::string::npos);
}

TEST_F(ReportGolden, HtmlIsSelfContainedWithCharts) {
  const CliResult r = run_cli({"report", kSingle, "--ledger", *ledger_, "-f", "html"});
  ASSERT_EQ(r.exit_code, 0);
  EXPECT_EQ(r.out.find("<script"), std::string::npos);
  EXPECT_EQ(r.out.find("http://"), r.out.find("http://www.w3.org/2000/svg"));  // only the SVG namespace
  EXPECT_EQ(r.out.find("https://"), std::string::npos);
  EXPECT_NE(r.out.find("<polyline class=\"series\""), std::string::npos);
  EXPECT_NE(r.out.find("The same energy in other regions"), std::string::npos);
  EXPECT_NE(r.out.find("ga-data"), std::string::npos);       // equivalents name their source
  EXPECT_NE(r.out.find("[owid-ember]"), std::string::npos);  // and so do the comparison regions
}

// Braces balance outside escapes and every \begin has its \end.
void check_latex_structure(const std::string& tex) {
  int depth = 0;
  for (std::size_t i = 0; i < tex.size(); ++i) {
    if (tex[i] == '%' && (i == 0 || tex[i - 1] != '\\')) {
      i = tex.find('\n', i);
      if (i == std::string::npos) break;
      continue;
    }
    if (tex[i] == '\\') {
      ++i;
      continue;
    }
    if (tex[i] == '{') ++depth;
    if (tex[i] == '}') --depth;
    ASSERT_GE(depth, 0) << "unbalanced } at " << i;
  }
  EXPECT_EQ(depth, 0);
  const std::regex begin(R"(\\begin\{(\w+)\})"), end(R"(\\end\{(\w+)\})");
  const auto count = [&](const std::regex& re) {
    return std::distance(std::sregex_iterator(tex.begin(), tex.end(), re), std::sregex_iterator());
  };
  EXPECT_EQ(count(begin), count(end));
  // Specials from the ledger arrive escaped.
  EXPECT_NE(tex.find("llm{\\ttfamily\\char95}pretrain \\& co"), std::string::npos);
  EXPECT_NE(tex.find("-{}-pue"), std::string::npos);
}

TEST_F(ReportGolden, LatexCompilesOrIsStructurallySound) {
  const CliResult r = run_cli({"report", "--since", "2026-11-01", "--ledger", *ledger_, "-f", "latex"});
  ASSERT_EQ(r.exit_code, 0);
  check_latex_structure(r.out);
  const std::string& tex = r.out;
  const char* engine = nullptr;
  for (const char* e : {"/usr/bin/pdflatex", "/usr/bin/latex"}) {
    if (std::filesystem::exists(e)) {
      engine = e;
      break;
    }
  }
  if (engine == nullptr) GTEST_SKIP() << "no TeX engine installed; structure checked only";
  const std::string dir = temp_dir();
  write_file(dir + "/doc.tex", "\\documentclass{article}\n\\begin{document}\n" + tex + "\\end{document}\n");
  const std::string cmd = std::string("cd ") + dir + " && " + engine +
                          " -interaction=nonstopmode -halt-on-error doc.tex > log.txt 2>&1";
  const int rc = std::system(cmd.c_str());
  EXPECT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 0) << read_file(dir + "/log.txt");
}

// `estimate --save` then `report`: the estimate is reported as one in every format,
// with the assumption that drives it in the paragraph and the table.
TEST_F(ReportGolden, SavedEstimateIsReportedAsAnEstimate) {
  const std::string ledger = temp_dir() + "/ledger.db";
  CliResult r = run_cli({"estimate", "--gpu", "H100 SXM", "--count", "8", "--hours", "10", "--cloud", "aws:us-east-1",
                         "--utilisation", "70%", "--save", "--project", "ft7b", "--ledger", ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"report", "last", "--ledger", ledger, "-f", "md"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  EXPECT_NE(r.out.find("The estimate for project ft7b, prepared at "), std::string::npos) << r.out;
  EXPECT_NE(r.out.find(", assumes 10 h 00 min on 8 x NVIDIA H100 SXM5 80GB in aws:us-east-1 (Northern Virginia), "
                       "at 70% utilisation (given)."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| Hardware | 8 x NVIDIA H100 SXM5 80GB | given |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| Duration | 10 h 00 min | given |"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| Utilisation | 70% | given"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("| PUE | 1.14 (1.14 to 1.20) | reference: aws's fleet-wide PUE"), std::string::npos) << r.out;
  for (const char* format : {"md", "text", "latex", "html"}) {
    r = run_cli({"report", "last", "--ledger", ledger, "-f", format});
    ASSERT_EQ(r.exit_code, 0) << r.err;
    EXPECT_EQ(r.out.find("started"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("detected by the tracker"), std::string::npos) << format;
    EXPECT_EQ(r.out.find("wall clock"), std::string::npos) << format;
    std::string flat = r.out;  // lines joined (text wraps), LaTeX's \% unescaped
    for (char& c : flat) c = c == '\n' ? ' ' : c;
    for (std::size_t p = flat.find("\\%"); p != std::string::npos; p = flat.find("\\%")) flat.erase(p, 1);
    EXPECT_NE(flat.find("70% utilisation"), std::string::npos) << format;
  }
  r = run_cli({"report", "last", "--ledger", ledger, "-f", "model-card"});
  EXPECT_NE(r.out.find("# Duration: 10 h 00 min (given)."), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("not measured; assumed utilisation 70% (given)"), std::string::npos) << r.out;
}

// Text output fits the terminal: with COLUMNS set, no line of `report`, `estimate` or
// `lca` is wider (paragraphs and how-obtained cells wrap, no long dash rule).
TEST_F(ReportGolden, TextFitsTheTerminalWidth) {
  const std::vector<std::vector<std::string>> commands = {
      {"report", "--since", "2026-11-01", "--ledger", *ledger_},
      {"report", kSingle, "--ledger", *ledger_},
      {"runs", "show", kSingle, "--ledger", *ledger_},
      {"estimate", "--gpu", "H100 SXM", "--count", "8", "--hours", "10", "--cloud", "aws:us-east-1", "--utilisation",
       "70%", "--cpu", "Xeon Platinum 8480", "--cpus", "2", "--memory", "2048GB", "--requests", "2000000"},
      {"estimate", "--gpu", "A100 SXM4 80GB", "--params", "7B", "--tokens", "1T", "--region", "FR"},
      {"lca", std::string(CARBONSCOPE_SOURCE_DIR) + "/examples/bloom.toml"},
  };
  for (const int columns : {60, 80, 120}) {
    for (const auto& args : commands) {
      const CliResult r = run_cli(args, {"COLUMNS=" + std::to_string(columns)});
      ASSERT_EQ(r.exit_code, 0) << args[0] << ": " << r.err;
      std::size_t start = 0;
      while (start < r.out.size()) {
        std::size_t end = r.out.find('\n', start);
        if (end == std::string::npos) end = r.out.size();
        const std::string line = r.out.substr(start, end - start);
        std::size_t chars = 0;  // UTF-8 characters, not bytes ("Montréal")
        for (const char c : line) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80 ? 1 : 0;
        EXPECT_LE(chars, static_cast<std::size_t>(columns)) << args[0] << " " << args[1] << " at " << columns << ":\n"
                                                            << line;
        start = end + 1;
      }
    }
  }
}

// The name as a reader copies it out of the PDF: every special character verbatim,
// including | (an em dash when left bare in OT1), ~ ^ and _ (accents and rules).
TEST_F(ReportGolden, LatexPrintsEverySpecialCharacterVerbatim) {
  for (const char* tool : {"/usr/bin/pdflatex", "/usr/bin/pdftotext"}) {
    if (!std::filesystem::exists(tool)) GTEST_SKIP() << tool << " is not installed (texlive-latex-base, poppler-utils)";
  }
  const std::string dir = temp_dir();
  const std::string ledger = dir + "/ledger.db";
  const std::string name = "llama_ft 50% & #1 $x {y} ~z ^w \\v |u <t> v2";
  CliResult r = run_cli({"estimate", "--gpu", "A100 SXM4 80GB", "--hours", "2", "--country", "FR", "--save",
                         "--project", name, "--ledger", ledger});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  r = run_cli({"report", "last", "--ledger", ledger, "-f", "latex"});
  ASSERT_EQ(r.exit_code, 0) << r.err;
  write_file(dir + "/doc.tex", "\\documentclass{article}\n\\begin{document}\n" + r.out + "\\end{document}\n");
  const std::string cmd = "cd " + dir +
                          " && /usr/bin/pdflatex -interaction=nonstopmode -halt-on-error doc.tex > log.txt 2>&1"
                          " && /usr/bin/pdftotext doc.pdf doc.txt";
  const int rc = std::system(cmd.c_str());
  ASSERT_TRUE(WIFEXITED(rc) && WEXITSTATUS(rc) == 0) << read_file(dir + "/log.txt");
  std::string text;
  for (const char c : read_file(dir + "/doc.txt")) {  // lines joined: the paragraph may break inside the name
    const char d = c == '\n' ? ' ' : c;
    if (!(d == ' ' && !text.empty() && text.back() == ' ')) text += d;
  }
  EXPECT_NE(text.find(name), std::string::npos) << text;
}

}  // namespace
}  // namespace carbonscope::test

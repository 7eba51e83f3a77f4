// The embedder, carbonscope_embed (tools/embed): what it compiles in is each file's
// exact bytes under its base name, in the order given; it refuses what it cannot
// write; it leaves an unchanged output alone.
#include <sys/wait.h>

#include <algorithm>
#include <chrono>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "core/embedded_file.h"
#include "embed/embed_fixture.h"
#include "support/scratch_dir.h"

namespace carbonscope::test {
namespace {

namespace fs = std::filesystem;

// The fixture files as tests.cmake globs them: sorted, dot files left out.
std::vector<fs::path> fixture_files() {
  std::vector<fs::path> out;
  for (const auto& e : fs::directory_iterator(fs::path(CARBONSCOPE_FIXTURES) / "embed")) {
    if (e.path().filename().string()[0] != '.') out.push_back(e.path());
  }
  std::sort(out.begin(), out.end());
  return out;
}

int run_embed(const std::string& args) {
  const int rc = std::system((std::string(CARBONSCOPE_EMBED) + " " + args + " 2>/dev/null").c_str());
  return WIFEXITED(rc) ? WEXITSTATUS(rc) : -1;
}

TEST(Embed, EveryFileComesBackByteForByte) {
  const std::vector<fs::path> files = fixture_files();
  ASSERT_GE(files.size(), 3u);
  ASSERT_EQ(embed_fixture().size(), files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    const EmbeddedFile& f = embed_fixture()[i];
    EXPECT_EQ(f.name, files[i].filename().string());
    const std::string want = slurp(files[i]);
    EXPECT_EQ(f.contents.size(), want.size()) << f.name;
    EXPECT_TRUE(f.contents == want) << f.name << " differs from " << files[i];
  }
}

TEST(Embed, TheFixtureCoversWhatALiteralWriterGetsWrong) {
  const EmbeddedFile* all = find_embedded_file(embed_fixture(), "all_bytes.bin");
  ASSERT_NE(all, nullptr);
  std::vector<bool> seen(256, false);
  for (const char c : all->contents) seen[static_cast<unsigned char>(c)] = true;
  EXPECT_EQ(std::count(seen.begin(), seen.end(), true), 256);  // NUL and 0x80-0xff included
  const EmbeddedFile* tricky = find_embedded_file(embed_fixture(), "tricky.txt");
  ASSERT_NE(tricky, nullptr);
  const std::string_view nul_digits("\0" "1234", 5);  // an octal escape before a digit
  const std::vector<std::string_view> hard = {"\"hi\"", "\\\n", "?\?=", ")cs_web\"", "\r\n", nul_digits};
  for (const std::string_view s : hard) {
    EXPECT_NE(tricky->contents.find(s), std::string_view::npos) << s;
  }
  EXPECT_NE(tricky->contents.back(), '\n');
  const EmbeddedFile* empty = find_embedded_file(embed_fixture(), "empty.txt");
  ASSERT_NE(empty, nullptr);
  EXPECT_TRUE(empty->contents.empty());
}

TEST(Embed, LookupIsByExactNameOnly) {
  EXPECT_EQ(find_embedded_file(embed_fixture(), "tricky.txt")->name, "tricky.txt");
  const char* const others[] = {"",           "TRICKY.TXT", "tricky", "./tricky.txt", "../embed/tricky.txt",
                                "embed/tricky.txt"};
  for (const char* name : others) {
    EXPECT_EQ(find_embedded_file(embed_fixture(), name), nullptr) << name;
  }
}

class EmbedProgram : public ::testing::Test {
 protected:
  ScratchDir scratch_{"embed"};
  fs::path dir_ = scratch_.path;
  std::string input_ = (fs::path(CARBONSCOPE_FIXTURES) / "embed" / "tricky.txt").string();
};

TEST_F(EmbedProgram, RefusesBadUsageAndMissingInputsWithoutWriting) {
  const std::string out = (dir_ / "out.cc").string();
  EXPECT_EQ(run_embed(out), 2);                                          // no header, no function
  EXPECT_EQ(run_embed(out + " h.h unqualified " + input_), 2);           // needs ns::name
  EXPECT_EQ(run_embed(out + " h.h 'ns::bad name' " + input_), 2);        // not an identifier
  EXPECT_EQ(run_embed(out + " 'a\"b.h' ns::f " + input_), 2);            // a quote in the header
  EXPECT_EQ(run_embed(out + " h.h ns::f " + (dir_ / "missing").string()), 1);
  EXPECT_FALSE(fs::exists(out));
}

TEST_F(EmbedProgram, WritesTheDeclaredFunctionAndLeavesAnUnchangedOutputAlone) {
  const fs::path out = dir_ / "out.cc";
  ASSERT_EQ(run_embed(out.string() + " some/header.h a::b::files " + input_), 0);
  const std::string text = slurp(out);
  EXPECT_NE(text.find("#include \"some/header.h\""), std::string::npos);
  EXPECT_NE(text.find("namespace a::b {"), std::string::npos);
  EXPECT_NE(text.find("const std::vector<carbonscope::EmbeddedFile>& files() {"), std::string::npos);
  EXPECT_NE(text.find("\"tricky.txt\""), std::string::npos);
  // Same inputs: the output keeps its (old) time, so nothing that includes it rebuilds.
  const auto old_time = fs::last_write_time(out) - std::chrono::hours(24 * 365);
  fs::last_write_time(out, old_time);
  ASSERT_EQ(run_embed(out.string() + " some/header.h a::b::files " + input_), 0);
  EXPECT_EQ(fs::last_write_time(out), old_time);
  // Other inputs: rewritten.
  ASSERT_EQ(run_embed(out.string() + " some/header.h a::b::other " + input_), 0);
  EXPECT_NE(fs::last_write_time(out), old_time);
  EXPECT_NE(slurp(out).find("other() {"), std::string::npos);
}

}  // namespace
}  // namespace carbonscope::test

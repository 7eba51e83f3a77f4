// The tables compiled into the binary (tools/embed) are data/*.csv byte for byte.
#include <algorithm>
#include <filesystem>
#include <string>
#include <vector>

#include <gtest/gtest.h>

#include "data/embedded.h"
#include "support/scratch_dir.h"

namespace carbonscope {
namespace {

namespace fs = std::filesystem;

TEST(EmbeddedTables, AreTheDataFolderByteForByte) {
  std::vector<fs::path> csvs;
  for (const auto& e : fs::directory_iterator(fs::path(CARBONSCOPE_SOURCE_DIR) / "data")) {
    if (e.path().extension() == ".csv") csvs.push_back(e.path());
  }
  std::sort(csvs.begin(), csvs.end());
  ASSERT_GT(csvs.size(), 10u);
  ASSERT_EQ(embedded::files().size(), csvs.size());
  for (const fs::path& p : csvs) {
    const EmbeddedFile* f = find_embedded_file(embedded::files(), p.filename().string());
    ASSERT_NE(f, nullptr) << p;
    EXPECT_TRUE(f->contents == test::slurp(p)) << p << " differs from its embedded copy";
  }
}

}  // namespace
}  // namespace carbonscope

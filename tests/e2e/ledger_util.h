// Helpers for the ledger end-to-end tests: temporary ledgers filled from the fixture
// runs, file reading, and golden-file comparison (CARBONSCOPE_UPDATE_GOLDEN=1 rewrites).
#pragma once

#include <string>

namespace carbonscope::test {

// A fresh directory under /tmp for one test.
std::string temp_dir();
// A ledger holding the three runs of tests/fixtures/reports/runs.
std::string fixture_ledger();
std::string read_file(const std::string& path);
void write_file(const std::string& path, const std::string& text);
// Compares `actual` with tests/fixtures/reports/golden/NAME (or rewrites it).
void expect_golden(const std::string& name, const std::string& actual);

}  // namespace carbonscope::test

// Where a run is recorded: the SQLite ledger, or record files beside it on a network
// filesystem (statfs injected), and the CARBONSCOPE_LEDGER_FS override.
#include <gtest/gtest.h>

#include <cerrno>

#include "sinks/ledger_record.h"

namespace carbonscope {
namespace {

StatfsFn every_path_is(std::uint64_t f_type) {
  return [f_type](const char*, std::uint64_t* out) {
    *out = f_type;
    return 0;
  };
}

TEST(LedgerTarget, LocalFilesystemsUseTheLedger) {
  const LedgerTarget t = ledger_target("/data/ledger.db", nullptr, every_path_is(0xEF53));
  EXPECT_FALSE(t.record_files);
  EXPECT_TRUE(t.records_dir.empty());
}

TEST(LedgerTarget, NetworkFilesystemsGetRecordFilesBesideTheLedger) {
  const LedgerTarget t = ledger_target("/home/u/ledger.db", nullptr, every_path_is(0x6969));
  EXPECT_TRUE(t.record_files);
  EXPECT_EQ(t.filesystem, "nfs");
  EXPECT_EQ(t.records_dir, "/home/u/ledger.db.records");
  EXPECT_EQ(ledger_target("/gpfs/l.db", "", every_path_is(0x47504653)).filesystem, "gpfs");
}

TEST(LedgerTarget, TheEnvironmentOverridesStatfs) {
  EXPECT_FALSE(ledger_target("/home/u/ledger.db", "local", every_path_is(0x6969)).record_files);
  const LedgerTarget forced = ledger_target("/data/ledger.db", "network", every_path_is(0xEF53));
  EXPECT_TRUE(forced.record_files);
  EXPECT_EQ(forced.filesystem, "forced");
}

}  // namespace
}  // namespace carbonscope

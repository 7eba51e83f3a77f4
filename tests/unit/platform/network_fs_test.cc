// Network filesystem detection through an injected statfs.
#include "platform/network_fs.h"

#include <gtest/gtest.h>

#include <cerrno>
#include <map>
#include <string>
#include <vector>

namespace carbonscope {
namespace {

// A fake statfs over a table of existing paths; anything else is ENOENT.
struct FakeFs {
  std::map<std::string, std::uint64_t> types;
  std::vector<std::string> asked;
  StatfsFn fn() {
    return [this](const char* path, std::uint64_t* f_type) {
      asked.push_back(path);
      auto it = types.find(path);
      if (it == types.end()) {
        errno = ENOENT;
        return -1;
      }
      *f_type = it->second;
      return 0;
    };
  }
};

TEST(NetworkFs, KnownMagicNumbers) {
  EXPECT_EQ(network_filesystem_name(0x6969), "nfs");
  EXPECT_EQ(network_filesystem_name(0xFF534D42), "cifs");
  EXPECT_EQ(network_filesystem_name(0xFE534D42), "smb2");
  EXPECT_EQ(network_filesystem_name(0x0BD00BD0), "lustre");
  EXPECT_EQ(network_filesystem_name(0x47504653), "gpfs");
  EXPECT_EQ(network_filesystem_name(0x19830326), "beegfs");
  EXPECT_EQ(network_filesystem_name(0x00C36400), "cephfs");
  EXPECT_EQ(network_filesystem_name(0xEF53), "");      // ext4
  EXPECT_EQ(network_filesystem_name(0x58465342), "");  // xfs
  EXPECT_EQ(network_filesystem_name(0x01021994), "");  // tmpfs
}

TEST(NetworkFs, AsksTheNearestExistingDirectoryOfAFileNotYetCreated) {
  FakeFs fs;
  fs.types["/home"] = 0x6969;
  fs.types["/"] = 0xEF53;
  EXPECT_EQ(network_filesystem_of("/home/ana/.local/share/carbonscope/ledger.db", fs.fn()), "nfs");
  EXPECT_EQ(fs.asked.front(), "/home/ana/.local/share/carbonscope/ledger.db");
  EXPECT_EQ(fs.asked.back(), "/home");
  EXPECT_EQ(network_filesystem_of("/scratch/ledger.db", fs.fn()), "");  // on / (ext4)
}

TEST(NetworkFs, RelativePathsAndFailuresAreLocal) {
  FakeFs fs;
  fs.types["."] = 0x0BD00BD0;
  EXPECT_EQ(network_filesystem_of("ledger.db", fs.fn()), "lustre");
  const StatfsFn denied = [](const char*, std::uint64_t*) {
    errno = EACCES;
    return -1;
  };
  EXPECT_EQ(network_filesystem_of("/x/ledger.db", denied), "");
}

TEST(NetworkFs, TheRealStatfsReadsTheMagicNumber) {
  std::uint64_t f_type = 0;
  ASSERT_EQ(system_statfs("/proc", &f_type), 0);
  EXPECT_EQ(f_type, 0x9FA0u);  // PROC_SUPER_MAGIC
  EXPECT_EQ(network_filesystem_of("/proc/no-such-file"), "");
}

}  // namespace
}  // namespace carbonscope

// statfs(2) magic numbers of network and cluster filesystems (linux/magic.h, and the
// out-of-tree filesystems' own values as GNU coreutils' stat lists them).
#include "platform/network_fs.h"

#include <sys/vfs.h>

#include <cerrno>

namespace carbonscope {
namespace {

struct Magic {
  std::uint64_t f_type;
  const char* name;
};

constexpr Magic kNetwork[] = {
    {0x6969, "nfs"},        {0x517B, "smb"},       {0xFF534D42, "cifs"},   {0xFE534D42, "smb2"},
    {0x0BD00BD0, "lustre"}, {0x47504653, "gpfs"},  {0x19830326, "beegfs"}, {0x00C36400, "cephfs"},
    {0x5346414F, "afs"},    {0x6B414653, "kafs"},  {0x73757245, "coda"},   {0x01021997, "9p"},
    {0xAAD7AAEA, "panfs"},  {0x013111A8, "ibrix"}, {0x01161970, "gfs2"},   {0x7461636F, "ocfs2"},
    {0x564C, "ncp"},        {0xBEEFDEAD, "snfs"},  {0x61636673, "acfs"},
};

}  // namespace

std::string_view network_filesystem_name(std::uint64_t f_type) {
  for (const Magic& m : kNetwork) {
    if (m.f_type == f_type) return m.name;
  }
  return {};
}

int system_statfs(const char* path, std::uint64_t* f_type) {
  struct statfs st {};
  if (::statfs(path, &st) != 0) return -1;
  // f_type is a signed word on some ABIs: keep the 32 bits the magic numbers use.
  *f_type = static_cast<std::uint64_t>(st.f_type) & 0xFFFFFFFFu;
  return 0;
}

std::string network_filesystem_of(const std::string& path, const StatfsFn& statfs) {
  std::string p = path.empty() ? "." : path;
  for (int depth = 0; depth < 256; ++depth) {
    std::uint64_t f_type = 0;
    if (statfs(p.c_str(), &f_type) == 0) return std::string(network_filesystem_name(f_type));
    if (errno != ENOENT && errno != ENOTDIR) return "";
    const std::size_t slash = p.find_last_of('/');
    if (slash == std::string::npos) {
      p = ".";
    } else if (slash == 0) {
      p = "/";
    } else {
      p.resize(slash);
    }
  }
  return "";
}

}  // namespace carbonscope

// Whether a path is on a network filesystem (NFS, SMB/CIFS, Lustre, GPFS, BeeGFS,
// CephFS, ...), from statfs(2)'s f_type. SQLite's WAL mode needs shared memory and
// POSIX locks that these filesystems do not provide reliably, so the ledger is not
// written there directly (sinks/ledger_record.h writes record files instead).
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <string_view>

namespace carbonscope {

// "nfs", "lustre", ... for a network filesystem's magic number; "" for any other.
std::string_view network_filesystem_name(std::uint64_t f_type);

// Fills *f_type for `path` and returns 0, or returns -1 (errno set) like statfs(2).
using StatfsFn = std::function<int(const char* path, std::uint64_t* f_type)>;
int system_statfs(const char* path, std::uint64_t* f_type);

// The network filesystem that holds `path` (a file that may not exist yet: its nearest
// existing parent directory is asked), or "" when it is local or cannot be told.
// CARBONSCOPE_LEDGER_FS=network or =local (read by the callers) overrides the answer
// for filesystems statfs cannot classify, such as FUSE mounts of sshfs or GlusterFS.
std::string network_filesystem_of(const std::string& path, const StatfsFn& statfs = system_statfs);

}  // namespace carbonscope

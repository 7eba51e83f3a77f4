// The live status line of run and monitor: elapsed time, power, energy and emissions
// so far, redrawn in place on stderr at most twice a second, only on a terminal that
// nothing else writes to: never glued to the tracked command's own output.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "carbonscope/report.h"
#include "carbonscope/tracker.h"

namespace carbonscope::cli {

// Identifies an open file: a terminal opened twice has the same id.
struct FileId {
  unsigned long long device = 0;  // st_rdev for character devices, else st_dev
  unsigned long long inode = 0;
  bool operator==(const FileId&) const = default;
};
// `fd`'s id, or nullopt when it is closed.
std::optional<FileId> file_id(int fd);

// Pure: draw the status line only when not quiet, stderr is a terminal (`status_tty`
// its id, nullopt otherwise), and none of the files the tracked command writes to
// (`command_outputs`: its stdout and stderr) is that terminal. In `run` the command
// inherits carbonscope's stderr, so a status line there would be redrawn in the middle
// of the command's lines: it is not drawn; `monitor` has no command and draws it.
bool status_line_wanted(bool quiet, const std::optional<FileId>& status_tty,
                        const std::vector<std::optional<FileId>>& command_outputs);

// Decides once (status_line_wanted on the real descriptors: stderr, and the command's
// `command_fds`) and draws accordingly.
class LiveStatus {
 public:
  LiveStatus(bool quiet, const std::vector<int>& command_fds);
  // A callback for TrackerConfig::on_sample, or an empty one when not drawn.
  std::function<void(const Snapshot&)> on_sample() const;
  // Clears the status line (if one is drawn), before the summary.
  void end() const;

 private:
  bool draw_ = false;
};

// The one-line summary printed when a run ends.
std::string summary_line(const Report& report, const std::string& report_path);

}  // namespace carbonscope::cli

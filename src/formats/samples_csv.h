// The time series of a run: one CSV line per sample, in the page cache as soon as it
// is appended, so a tracker killed at any moment (SIGKILL included) leaves everything
// up to its last interval on disk. Energies are cumulative, so the last line alone is
// enough to finish an interrupted run.
//
// The lines are stored through a shared mapping of the file, grown with fallocate a
// page at a time, not with write(2): a write per sample would also update the file's
// mtime in the filesystem's journal every sample; this way a sample makes no system
// call at all and the file's metadata changes once per page of lines. The file is cut
// to its real size when the writer is closed; a killed writer leaves zero bytes (less
// than a page) after the last line, which the reader and trim_samples_csv ignore. Where space cannot be reserved (a full disk, a
// filesystem without fallocate), each line is written with write(2) instead. Creating,
// reserving, cutting and those writes go through the file seam (platform/file_writer.h),
// so fault tests inject a full disk or a refused file; a sample on the mapping makes no
// call through it.
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "carbonscope/status.h"
#include "platform/file_writer.h"

namespace carbonscope {

// Columns: elapsed_s, unix_time, power_w, energy_j, emissions_g, node_utilisation,
// machine_power_w, then <key>_w and <key>_j for each key. Every power and energy is
// the job's share except machine_power_w, the whole machine's counted domains.
class SamplesCsv {
 public:
  static Result<SamplesCsv> create(const std::string& path, const std::vector<std::string>& keys,
                                   FileWriter& files = system_file_writer());
  // Bytes of complete lines so far (header included).
  std::size_t size() const { return size_; }
  SamplesCsv(SamplesCsv&& other) noexcept;
  SamplesCsv& operator=(SamplesCsv&&) = delete;
  SamplesCsv(const SamplesCsv&) = delete;
  ~SamplesCsv();

  // `watts` and `joules` hold one value per key.
  Status append(double elapsed_s, double unix_time, double power_w, double energy_j, double emissions_g,
                double node_utilisation, double machine_power_w, const std::vector<double>& watts,
                const std::vector<double>& joules);

 private:
  SamplesCsv(FileWriter& files, int fd, std::string path, std::size_t size)
      : files_(&files), fd_(fd), path_(std::move(path)), size_(size) {}
  Status store(const std::string& text);
  bool reserve(std::size_t bytes);  // maps room for `bytes` more at size_; false: use write(2)
  void unmap();
  FileWriter* files_;
  int fd_ = -1;
  std::string path_;
  std::string line_;
  std::size_t size_ = 0;       // bytes of complete lines
  char* map_ = nullptr;        // the mapped window [map_at_, map_at_ + map_len_)
  std::size_t map_at_ = 0, map_len_ = 0;
  std::size_t reserved_ = 0;   // the file's size: lines plus the allocated rest of the page
  bool use_write_ = false;
};

// Cuts the zero bytes a killed writer left after the last line (recovery).
void trim_samples_csv(const std::string& path);

// The parsed file: header names and rows of numbers (a torn last line is dropped).
struct SamplesTable {
  std::vector<std::string> columns;
  std::vector<std::vector<double>> rows;
  int column(const std::string& name) const;
};
Result<SamplesTable> read_samples_csv(const std::string& path);

}  // namespace carbonscope

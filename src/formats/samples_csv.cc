// Samples CSV writer and reader.
#include "formats/samples_csv.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <sstream>

#include <fmt/compile.h>
#include <fmt/format.h>

namespace carbonscope {

namespace {

constexpr std::size_t kWindowBytes = 1024 * 1024;  // mapped at a time

std::size_t page_bytes() {
  static const std::size_t n = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
  return n;
}

}  // namespace

Result<SamplesCsv> SamplesCsv::create(const std::string& path, const std::vector<std::string>& keys,
                                      FileWriter& files) {
  CS_ASSIGN_OR_RETURN(const int fd, files.create_in_place(path));
  std::string header = "elapsed_s,unix_time,power_w,energy_j,emissions_g,node_utilisation,machine_power_w";
  for (const std::string& k : keys) header += fmt::format(",{}_w,{}_j", k, k);
  header += '\n';
  if (Status st = files.write_whole(fd, header, path); !st.ok()) {
    files.close(fd);
    return st;
  }
  SamplesCsv csv(files, fd, path, header.size());
  csv.reserved_ = header.size();
  csv.line_.reserve(256);
  return csv;
}

SamplesCsv::SamplesCsv(SamplesCsv&& o) noexcept
    : files_(o.files_),
      fd_(o.fd_),
      path_(std::move(o.path_)),
      line_(std::move(o.line_)),
      size_(o.size_),
      map_(o.map_),
      map_at_(o.map_at_),
      map_len_(o.map_len_),
      reserved_(o.reserved_),
      use_write_(o.use_write_) {
  o.fd_ = -1;
  o.map_ = nullptr;
}

SamplesCsv::~SamplesCsv() {
  if (fd_ < 0) return;
  unmap();
  if (!use_write_) (void)files_->truncate(fd_, static_cast<off_t>(size_));  // drop the reserved tail
  files_->close(fd_);
}

void SamplesCsv::unmap() {
  if (map_ != nullptr) ::munmap(map_, map_len_);
  map_ = nullptr;
  map_len_ = 0;
}

bool SamplesCsv::reserve(std::size_t bytes) {
  const std::size_t page = page_bytes();
  const std::size_t need = size_ + bytes;
  if (map_ != nullptr && need <= reserved_) return true;
  if (map_ == nullptr || need > map_at_ + map_len_) {
    unmap();
    const std::size_t at = size_ / page * page;
    const std::size_t len = std::max(kWindowBytes, (need - at + page - 1) / page * page);
    void* m = ::mmap(nullptr, len, PROT_READ | PROT_WRITE, MAP_SHARED, fd_, static_cast<off_t>(at));
    if (m == MAP_FAILED) return false;
    map_ = static_cast<char*>(m);
    map_at_ = at;
    map_len_ = len;
  }
  // The file grows a page at a time, its blocks allocated now (a full disk shows here,
  // not as SIGBUS on a store): one size change per page of lines, and closing cuts
  // less than a page (cutting allocated blocks off is slow on ext4).
  const std::size_t grow_to = (need + page - 1) / page * page;
  if (grow_to > reserved_) {
    if (!files_->reserve(fd_, static_cast<off_t>(reserved_), static_cast<off_t>(grow_to - reserved_))) return false;
    reserved_ = grow_to;
  }
  return true;
}

Status SamplesCsv::store(const std::string& text) {
  if (!use_write_ && !reserve(text.size())) {
    use_write_ = true;  // from here on, one write(2) per line after the last complete one
    if (!files_->truncate(fd_, static_cast<off_t>(size_)) || ::lseek(fd_, static_cast<off_t>(size_), SEEK_SET) < 0) {
      return Status::io_error(fmt::format("cannot append to {}: {}", path_, std::strerror(errno)));
    }
  }
  if (use_write_) {
    CS_RETURN_IF_ERROR(files_->write_whole(fd_, text, path_));
  } else {
    std::memcpy(map_ + (size_ - map_at_), text.data(), text.size());
  }
  size_ += text.size();
  return {};
}

Status SamplesCsv::append(double elapsed_s, double unix_time, double power_w, double energy_j, double emissions_g,
                          double node_utilisation, double machine_power_w, const std::vector<double>& watts,
                          const std::vector<double>& joules) {
  line_.clear();
  // Format strings compiled (FMT_COMPILE): the same text as fmt::format's, without
  // parsing them again on the sampling thread every sample.
  fmt::format_to(std::back_inserter(line_), FMT_COMPILE("{:.3f},{:.3f},{:.4f},{:.4f},{:.6f},{:.4f},{:.4f}"), elapsed_s,
                 unix_time, power_w, energy_j, emissions_g, node_utilisation, machine_power_w);
  for (std::size_t i = 0; i < watts.size(); ++i) {
    fmt::format_to(std::back_inserter(line_), FMT_COMPILE(",{:.4f},{:.4f}"), watts[i], joules[i]);
  }
  line_ += '\n';
  return store(line_);
}

void trim_samples_csv(const std::string& path) {
  const int fd = ::open(path.c_str(), O_RDWR | O_CLOEXEC);
  if (fd < 0) return;
  struct stat st {};
  if (::fstat(fd, &st) == 0 && st.st_size > 0) {
    // Walk back over the zero bytes; the file ends after the last newline before them.
    off_t end = st.st_size;
    char buf[4096];
    bool zeros_only = true;
    while (end > 0 && zeros_only) {
      const off_t from = std::max<off_t>(0, end - static_cast<off_t>(sizeof buf));
      const ssize_t n = ::pread(fd, buf, static_cast<std::size_t>(end - from), from);
      if (n <= 0) break;
      ssize_t i = n;
      while (i > 0 && buf[i - 1] == '\0') --i;
      if (i > 0) zeros_only = false;
      end = from + i;
    }
    if (end < st.st_size) (void)!::ftruncate(fd, end);
  }
  ::close(fd);
}

int SamplesTable::column(const std::string& name) const {
  for (std::size_t i = 0; i < columns.size(); ++i) {
    if (columns[i] == name) return static_cast<int>(i);
  }
  return -1;
}

Result<SamplesTable> read_samples_csv(const std::string& path) {
  std::ifstream in(path);
  if (!in) return Status::not_found(fmt::format("cannot read {}", path));
  std::stringstream ss;
  ss << in.rdbuf();
  const std::string text = ss.str();
  SamplesTable t;
  std::size_t pos = 0;
  bool header = true;
  while (pos < text.size()) {
    const std::size_t nl = text.find('\n', pos);
    if (nl == std::string::npos) break;  // a torn last line: the tracker died mid-write
    const std::string line = text.substr(pos, nl - pos);
    pos = nl + 1;
    std::vector<std::string> cells;
    std::stringstream ls(line);
    std::string cell;
    while (std::getline(ls, cell, ',')) cells.push_back(cell);
    if (header) {
      t.columns = cells;
      header = false;
      continue;
    }
    if (cells.size() != t.columns.size()) continue;
    std::vector<double> row;
    bool good = true;
    for (const std::string& c : cells) {
      char* end = nullptr;
      row.push_back(std::strtod(c.c_str(), &end));
      good = good && end != c.c_str() && *end == '\0';
    }
    if (good) t.rows.push_back(std::move(row));
  }
  if (header) return Status::data_error(fmt::format("{} has no header", path));
  return t;
}

}  // namespace carbonscope

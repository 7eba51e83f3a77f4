// Samples CSV writer and reader.
#include "sinks/samples_csv.h"

#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>

namespace carbonscope {

Result<SamplesCsv> SamplesCsv::create(const std::string& path, const std::vector<std::string>& keys) {
  std::FILE* f = std::fopen(path.c_str(), "w");
  if (f == nullptr) return Status::io_error(fmt::format("cannot create {}", path));
  std::string header = "elapsed_s,unix_time,power_w,energy_j,emissions_g,node_utilisation,machine_power_w";
  for (const std::string& k : keys) header += fmt::format(",{}_w,{}_j", k, k);
  header += '\n';
  if (std::fputs(header.c_str(), f) < 0 || std::fflush(f) != 0) {
    std::fclose(f);
    return Status::io_error(fmt::format("cannot write {}", path));
  }
  return SamplesCsv(f, path);
}

SamplesCsv::SamplesCsv(SamplesCsv&& other) noexcept
    : file_(other.file_), path_(std::move(other.path_)), line_(std::move(other.line_)) {
  other.file_ = nullptr;
}

SamplesCsv::~SamplesCsv() {
  if (file_ != nullptr) std::fclose(file_);
}

Status SamplesCsv::append(double elapsed_s, double unix_time, double power_w, double energy_j, double emissions_g,
                          double node_utilisation, double machine_power_w, const std::vector<double>& watts,
                          const std::vector<double>& joules) {
  line_.clear();
  fmt::format_to(std::back_inserter(line_), "{:.3f},{:.3f},{:.4f},{:.4f},{:.6f},{:.4f},{:.4f}", elapsed_s, unix_time,
                 power_w, energy_j, emissions_g, node_utilisation, machine_power_w);
  for (std::size_t i = 0; i < watts.size(); ++i) {
    fmt::format_to(std::back_inserter(line_), ",{:.4f},{:.4f}", watts[i], joules[i]);
  }
  line_ += '\n';
  if (std::fwrite(line_.data(), 1, line_.size(), file_) != line_.size() || std::fflush(file_) != 0) {
    return Status::io_error(fmt::format("cannot append to {}", path_));
  }
  return {};
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

// Status line drawing, and whether to draw it.
#include "live_status.h"

#include "carbonscope/format.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cstdio>
#include <memory>

#include <fmt/format.h>

namespace carbonscope::cli {
namespace {

std::string clock_text(double s) {
  const int t = static_cast<int>(s);
  return fmt::format("{:02d}:{:02d}:{:02d}", t / 3600, t / 60 % 60, t % 60);
}

}  // namespace

std::optional<FileId> file_id(int fd) {
  struct stat st {};
  if (::fstat(fd, &st) != 0) return std::nullopt;
  const bool chr = S_ISCHR(st.st_mode);
  return FileId{static_cast<unsigned long long>(chr ? st.st_rdev : st.st_dev), static_cast<unsigned long long>(st.st_ino)};
}

bool status_line_wanted(bool quiet, const std::optional<FileId>& status_tty,
                        const std::vector<std::optional<FileId>>& command_outputs) {
  if (quiet || !status_tty) return false;
  for (const std::optional<FileId>& out : command_outputs) {
    if (out && *out == *status_tty) return false;
  }
  return true;
}

LiveStatus::LiveStatus(bool quiet, const std::vector<int>& command_fds) {
  const std::optional<FileId> tty = ::isatty(STDERR_FILENO) == 1 ? file_id(STDERR_FILENO) : std::nullopt;
  std::vector<std::optional<FileId>> outputs;
  for (int fd : command_fds) outputs.push_back(file_id(fd));
  draw_ = status_line_wanted(quiet, tty, outputs);
}

std::function<void(const Snapshot&)> LiveStatus::on_sample() const {
  if (!draw_) return {};
  // The tracker copies the callback for each sample: the time of the last redraw is
  // shared, or every copy would start afresh and redraw on every sample.
  return [last = std::make_shared<double>(-1.0)](const Snapshot& s) {
    if (*last >= 0 && s.elapsed.count() - *last < 0.5) return;
    *last = s.elapsed.count();
    std::fputs(fmt::format("\r\033[Kcarbonscope {}  {:.1f} W  {:.4g} Wh  {:.4g} g CO2e{}", clock_text(s.elapsed.count()),
                           s.power.watts(), s.energy.wh(), s.emissions.grams(), s.estimated ? " (estimate)" : "")
                   .c_str(),
               stderr);
    std::fflush(stderr);
  };
}

void LiveStatus::end() const {
  if (draw_) std::fputs("\r\033[K", stderr);
}

std::string summary_line(const Report& r, const std::string& report_path) {
  const Footprint& f = r.footprint;
  bool estimated = false;
  for (const ComponentEnergy& c : f.components) estimated = estimated || c.provenance.method == Method::kEstimated;
  std::string out = fmt::format("carbonscope: {}, {}, {} CO2e (range {} to {}) at {} g/kWh ({}){}",
                                format_duration(r.run.duration), format_energy(f.facility_energy.central),
                                format_emissions(f.emissions.central), format_emissions(f.emissions.low),
                                format_emissions(f.emissions.high), format_number(f.intensity.value.central.g_per_kwh(), 3),
                                method_name(f.intensity.provenance.method),
                                estimated ? "; partly estimated by a model" : "");
  if (!report_path.empty()) out += fmt::format("\ncarbonscope: report {}", report_path);
  return out;
}

}  // namespace carbonscope::cli

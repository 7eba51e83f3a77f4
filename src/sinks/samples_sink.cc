// SamplesCsvSink: RunStart's columns -> samples.csv's header, points -> lines.
#include "sinks/samples_sink.h"

namespace carbonscope {

Status SamplesCsvSink::begin(const RunStart& start) {
  if (start.resumed) return {};  // the file is the recovery's input, not written again
  std::vector<std::string> keys;
  keys.reserve(start.columns.size());
  for (const SinkColumn& c : start.columns) keys.push_back(c.key);
  CS_ASSIGN_OR_RETURN(SamplesCsv csv, SamplesCsv::create(path_, keys, files_));
  csv_.emplace(std::move(csv));
  return {};
}

Status SamplesCsvSink::on_point(const SeriesPoint& p) {
  if (!csv_) return {};
  return csv_->append(p.elapsed_s, p.unix_time, p.power_w, p.energy_j, p.emissions_g, p.node_utilisation,
                      p.machine_power_w, p.watts, p.joules);
}

Status SamplesCsvSink::end(const Report&) {
  csv_.reset();  // closed: cut to the lines written
  return {};
}

}  // namespace carbonscope

// requests.csv, written through the file seam (one atomic replace).
#include "sinks/requests_sink.h"

#include <fmt/format.h>

namespace carbonscope {

Status RequestsCsvSink::prepare(Report& report) {
  if (!report.inference) return {};
  const Status st = files_.write_atomic(path_, requests_csv(intervals_()));
  if (!st.ok()) report.notes.push_back(fmt::format("{} was not written ({})", kRequestsCsv, st.message()));
  return st;
}

}  // namespace carbonscope

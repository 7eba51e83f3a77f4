// SinkList: the fan-out of a run's events to its sinks.
#include "sinks/run_sink.h"

namespace carbonscope {
namespace {

void keep_first(Status& first, const Status& st) {
  if (!st.ok() && first.ok()) first = st;
}

}  // namespace

RunSink& SinkList::add(std::unique_ptr<RunSink> sink) {
  if (sink->wants_points()) pointed_.push_back(sink.get());
  sinks_.push_back(std::move(sink));
  return *sinks_.back();
}

Status SinkList::begin(const RunStart& start) {
  for (const auto& s : sinks_) CS_RETURN_IF_ERROR(s->begin(start));
  return {};
}

Status SinkList::on_point(const SeriesPoint& p) {
  Status first;
  for (RunSink* s : pointed_) keep_first(first, s->on_point(p));
  return first;
}

SinkList::Ended SinkList::end(Report& report) {
  Ended out;
  const auto slot = [&](const RunSink& s) -> Status& {
    switch (s.role()) {
      case RunSink::Role::kLedger: return out.ledger;
      case RunSink::Role::kNoted: return out.noted;
      case RunSink::Role::kFiles: break;
    }
    return out.files;
  };
  std::vector<Status> prepared;
  prepared.reserve(sinks_.size());
  for (const auto& s : sinks_) prepared.push_back(s->prepare(report));
  const Report& fixed = report;
  for (std::size_t i = 0; i < sinks_.size(); ++i) {
    // A sink that could not prepare is not ended: its failure is why.
    keep_first(slot(*sinks_[i]), prepared[i].ok() ? sinks_[i]->end(fixed) : prepared[i]);
  }
  return out;
}

}  // namespace carbonscope

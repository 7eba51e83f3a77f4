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
  Ended out = end_files(report);
  keep_first(out.ledger, end_ledger(report));
  return out;
}

SinkList::Ended SinkList::end_files(Report& report) {
  Ended out;
  prepared_.clear();
  prepared_.reserve(sinks_.size());
  for (const auto& s : sinks_) prepared_.push_back(s->prepare(report));
  const Report& fixed = report;
  for (std::size_t i = 0; i < sinks_.size(); ++i) {
    // A sink that could not prepare is not ended: its failure is why.
    switch (sinks_[i]->role()) {
      case RunSink::Role::kLedger:
        keep_first(out.ledger, prepared_[i]);  // ended by end_ledger
        break;
      case RunSink::Role::kNoted:
        keep_first(out.noted, prepared_[i].ok() ? sinks_[i]->end(fixed) : prepared_[i]);
        break;
      case RunSink::Role::kFiles:
        keep_first(out.files, prepared_[i].ok() ? sinks_[i]->end(fixed) : prepared_[i]);
        break;
    }
  }
  return out;
}

Status SinkList::end_ledger(const Report& report) {
  Status first;
  for (std::size_t i = 0; i < sinks_.size() && i < prepared_.size(); ++i) {
    if (sinks_[i]->role() == RunSink::Role::kLedger && prepared_[i].ok()) keep_first(first, sinks_[i]->end(report));
  }
  return first;
}

bool SinkList::ledger_left() const {
  for (std::size_t i = 0; i < sinks_.size() && i < prepared_.size(); ++i) {
    if (sinks_[i]->role() == RunSink::Role::kLedger && prepared_[i].ok()) return true;
  }
  return false;
}

}  // namespace carbonscope

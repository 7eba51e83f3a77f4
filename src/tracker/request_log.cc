// Per-interval request counts for the inference fit.
#include "tracker/request_log.h"

#include <fmt/format.h>

namespace carbonscope {

void RequestLog::add(const RequestCounts& work) {
  std::lock_guard<std::mutex> lock(mu_);
  used_ = true;
  pending_.requests += work.requests;
  pending_.input_tokens += work.input_tokens;
  pending_.output_tokens += work.output_tokens;
}

void RequestLog::on_sample(double elapsed_s, double energy_j) {
  std::lock_guard<std::mutex> lock(mu_);
  if (!started_) {  // the baseline sample opens the first interval; work before it counts in it
    started_ = true;
    first_t_ = last_t_ = elapsed_s;
    last_e_ = energy_j;
    return;
  }
  if (elapsed_s <= last_t_) return;  // the same reading again: the work waits for the next interval
  RequestInterval iv{elapsed_s, elapsed_s - last_t_, energy_j - last_e_, pending_};
  intervals_.push_back(iv);
  if (intervals_.size() > kMaxIntervals) halve();
  totals_.requests += pending_.requests;
  totals_.input_tokens += pending_.input_tokens;
  totals_.output_tokens += pending_.output_tokens;
  pending_ = {};
  last_t_ = elapsed_s;
  last_e_ = energy_j;
}

namespace {

// Adjacent intervals [from, to) merged in pairs (an odd last one stays): returns the end.
std::size_t merge_pairs(std::vector<RequestInterval>& v, std::size_t from, std::size_t to, std::size_t out) {
  for (std::size_t i = from; i < to; i += 2, ++out) {
    RequestInterval m = v[i];
    if (i + 1 < to) {
      const RequestInterval& b = v[i + 1];
      m.t_s = b.t_s;
      m.dt_s += b.dt_s;
      m.energy_j += b.energy_j;
      m.work.requests += b.work.requests;
      m.work.input_tokens += b.work.input_tokens;
      m.work.output_tokens += b.work.output_tokens;
    }
    v[out] = m;
  }
  return out;
}

}  // namespace

// Energy is linear in time, requests and tokens, so the sum of two intervals obeys the
// same model as each: merging keeps the fit unbiased (with fewer points, a wider range)
// and keeps a day of 1 s samples in a few hundred kB.
void RequestLog::halve() {
  const std::size_t fit_end = merge_pairs(intervals_, 0, fit_from_, 0);
  const std::size_t end = merge_pairs(intervals_, fit_from_, intervals_.size(), fit_end);
  intervals_.resize(end);
  fit_from_ = fit_end;
}

void RequestLog::begin_fit() {
  std::lock_guard<std::mutex> lock(mu_);
  fit_from_ = intervals_.size();
}

bool RequestLog::used() const {
  std::lock_guard<std::mutex> lock(mu_);
  return used_;
}

InferenceSummary RequestLog::summary() const {
  std::lock_guard<std::mutex> lock(mu_);
  InferenceSummary s;
  s.totals = totals_;
  s.duration_s = last_t_ - first_t_;
  for (const RequestInterval& iv : intervals_) s.energy_j += iv.energy_j;
  s.fit = fit_inference({intervals_.begin() + static_cast<std::ptrdiff_t>(fit_from_), intervals_.end()});
  if (fit_from_ > 0) {
    double j = 0;
    for (std::size_t i = 0; i < fit_from_; ++i) j += intervals_[i].energy_j;
    s.fit.notes.push_back(
        fmt::format("the first {} interval{} ({:.1f} s, {:.4g} J), before the request source first "
                    "answered, are the service starting: left out of the fit",
                    fit_from_, fit_from_ == 1 ? "" : "s", intervals_[fit_from_ - 1].t_s - first_t_, j));
  }
  return s;
}

std::vector<RequestInterval> RequestLog::intervals() const {
  std::lock_guard<std::mutex> lock(mu_);
  return intervals_;
}

}  // namespace carbonscope

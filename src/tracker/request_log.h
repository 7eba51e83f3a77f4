// RequestLog: the work an inference service did per sampling interval. Requests and
// tokens arrive from any thread (add); the sampler closes one interval per sample with
// the energy charged so far; the run's InferenceSummary fits them (inference.h). Memory
// is bounded: a long run keeps at most kMaxIntervals, merging neighbours.
#pragma once

#include <mutex>
#include <string>
#include <vector>

#include "carbonscope/inference.h"

namespace carbonscope {

class RequestLog {
 public:
  void add(const RequestCounts& work);  // any thread
  // On each sample: cumulative seconds and job energy (J) at this sample.
  void on_sample(double elapsed_s, double energy_j);
  void begin_fit();                  // intervals closed so far are start-up: left out of the fit
  bool used() const;                 // add() was called at least once
  InferenceSummary summary() const;  // totals and the fit over the closed intervals
  // The closed intervals (requests.csv's rows: sinks/requests_sink.h).
  std::vector<RequestInterval> intervals() const;

 private:
  // At most this many intervals are kept: beyond it, neighbours are merged in pairs
  // (requests.csv's rows then cover longer intervals; the fit stays unbiased).
  static constexpr std::size_t kMaxIntervals = 4096;
  void halve();  // with mu_ held

  mutable std::mutex mu_;
  bool used_ = false;
  bool started_ = false;
  double last_t_ = 0, last_e_ = 0, first_t_ = 0;
  RequestCounts pending_, totals_;
  std::vector<RequestInterval> intervals_;
  std::size_t fit_from_ = 0;
};

}  // namespace carbonscope

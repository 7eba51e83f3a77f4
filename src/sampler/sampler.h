// Sampler: the one owner of the clock and the cadence. Each tick it reads the
// machine's CPU time, the job's process tree, then every sensor, and hands the Sample
// to its consumer, on its own thread (start/stop) or on demand (sample_now, for the
// first and last samples and for tests with a fake clock).
#pragma once

#include <atomic>
#include <condition_variable>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <thread>
#include <vector>

#include "carbonscope/clock.h"
#include "carbonscope/sensor.h"
#include "platform/file_reader.h"
#include "platform/open_file.h"
#include "sampler/sample.h"
#include "sensors/job_tree.h"
#include "sensors/procfs.h"

namespace carbonscope {

inline constexpr Duration kMinInterval{0.01};
// A sensor whose every domain fails this many reads in a row is no longer read.
inline constexpr int kMaxConsecutiveFailures = 3;

struct SamplerConfig {
  Duration interval{1.0};
  Clock* clock = nullptr;        // nullptr: the system clock
  std::string proc_root = "/";
  std::optional<int> pid;        // the job's root process; nullopt: the whole machine
  std::string job_cgroup;        // the job's cgroup v2 directory under proc_root ("" : its /proc tree)
};

class Sampler {
 public:
  using Consumer = std::function<void(const Sample&)>;
  Sampler(SamplerConfig config, std::vector<Sensor*> sensors, Consumer consumer);
  ~Sampler();
  Sampler(const Sampler&) = delete;
  Sampler& operator=(const Sampler&) = delete;

  // Reads everything once and calls the consumer (serialised with the thread).
  void sample_now();
  void start();
  void stop();  // joins the thread; idempotent
  // Stop charging the job (its root process is gone): job shares read 0 from now on.
  void detach_job();
  Clock& clock() { return *clock_; }
  // How the job's CPU time is read ("" in machine mode).
  std::string job_method() const;

 private:
  void loop();
  void read_context(Sample& s);

  SamplerConfig config_;
  Clock* clock_;
  std::vector<Sensor*> sensors_;
  Consumer consumer_;
  FileReader proc_;
  std::mutex sample_mu_;
  Sample sample_;
  std::vector<int> failures_;  // consecutive all-domain failures per sensor
  std::optional<OpenFile> proc_stat_;
  std::optional<CpuTimes> prev_cpu_;
  double prev_job_ticks_ = 0;
  double last_utilisation_ = 0;  // of the last interval that saw a clock tick
  double last_busy_share_ = 0, last_capacity_share_ = 0;
  bool job_seen_ = false;
  std::atomic<bool> job_detached_{false};
  double mem_total_ = 0;
  std::optional<JobTree> job_tree_;

  std::mutex wake_mu_;
  std::condition_variable wake_;
  bool stopping_ = false;
  std::thread thread_;
};

}  // namespace carbonscope

// Request counts from a metrics page or a log file, polled on a thread.
#include "tracker/request_source.h"

#include <sys/stat.h>

#include <algorithm>
#include <chrono>
#include <cmath>
#include <condition_variable>
#include <cstdlib>
#include <fstream>
#include <mutex>
#include <thread>

#include <fmt/format.h>

#include "carbonscope/tracker.h"

namespace carbonscope {

const std::vector<std::string> kRequestMetrics = {"vllm:request_success_total", "tgi_request_success_total",
                                                  "tgi_request_success", "tgi_request_count_total",
                                                  "tgi_request_count"};
const std::vector<std::string> kOutputTokenMetrics = {"vllm:generation_tokens_total",
                                                      "tgi_request_generated_tokens_sum"};
const std::vector<std::string> kInputTokenMetrics = {"vllm:prompt_tokens_total",
                                                     "tgi_request_input_length_sum"};

std::map<std::string, double> parse_prometheus_text(std::string_view text) {
  std::map<std::string, double> out;
  while (!text.empty()) {
    const auto nl = text.find('\n');
    std::string_view line = text.substr(0, nl);
    text = nl == std::string_view::npos ? std::string_view{} : text.substr(nl + 1);
    while (!line.empty() && (line.back() == '\r' || line.back() == ' ' || line.back() == '\t'))
      line.remove_suffix(1);
    while (!line.empty() && (line.front() == ' ' || line.front() == '\t')) line.remove_prefix(1);
    if (line.empty() || line.front() == '#') continue;
    std::size_t end = 0;
    while (end < line.size() && line[end] != '{' && line[end] != ' ' && line[end] != '\t') ++end;
    const std::string name(line.substr(0, end));
    std::size_t pos = end;
    if (pos < line.size() && line[pos] == '{') {  // skip the labels, minding quoted values
      bool quoted = false;
      for (++pos; pos < line.size(); ++pos) {
        const char c = line[pos];
        if (quoted && c == '\\') {
          ++pos;
        } else if (c == '"') {
          quoted = !quoted;
        } else if (!quoted && c == '}') {
          ++pos;
          break;
        }
      }
    }
    while (pos < line.size() && (line[pos] == ' ' || line[pos] == '\t')) ++pos;
    const std::string value(line.substr(pos, line.find_first_of(" \t", pos) - pos));
    if (name.empty() || value.empty()) continue;
    char* stop = nullptr;
    const double v = std::strtod(value.c_str(), &stop);
    if (stop == value.c_str() || *stop != '\0' || !std::isfinite(v)) continue;
    out[name] += v;
  }
  return out;
}

PrometheusSource::PrometheusSource(LoopbackUrl url, std::string text_url, MetricNames names)
    : url_(std::move(url)), text_url_(std::move(text_url)), names_(std::move(names)) {}

Result<RequestCounts> PrometheusSource::update(const std::map<std::string, double>& metrics) {
  const auto first_of = [&metrics](const std::vector<std::string>& names) -> const double* {
    for (const std::string& n : names) {
      if (auto it = metrics.find(n); it != metrics.end()) return &it->second;
    }
    return nullptr;
  };
  const double* requests = first_of(names_.requests);
  if (requests == nullptr) {
    return Status::not_found(
        fmt::format("{} has none of the request counters {}: name yours with --requests-metric", text_url_,
                    fmt::join(names_.requests, ", ")));
  }
  const double* out_tokens = first_of(names_.output_tokens);
  const double* in_tokens = first_of(names_.input_tokens);
  const RequestCounts now{*requests, in_tokens ? *in_tokens : 0, out_tokens ? *out_tokens : 0};
  const auto delta = [](double value, double last) {
    return value >= last ? value - last : value;
  };  // a reset restarts at 0
  RequestCounts d;
  if (have_last_) {
    d = {delta(now.requests, last_.requests), delta(now.input_tokens, last_.input_tokens),
         delta(now.output_tokens, last_.output_tokens)};
  }
  last_ = now;
  have_last_ = true;
  return d;
}

Result<RequestCounts> PrometheusSource::poll() {
  Result<std::string> body = loopback_get(url_, 2000);
  if (!body.ok()) {
    // Not up yet (`run` starts the server): once it answers, its counters began in this run.
    if (!have_last_) {
      have_last_ = true;
      last_ = {};
    }
    return body.status();
  }
  return update(parse_prometheus_text(*body));
}

Result<std::unique_ptr<LogSource>> LogSource::create(std::string path, const std::string& pattern) {
  try {
    std::regex re(pattern, std::regex::ECMAScript | std::regex::optimize);
    return std::unique_ptr<LogSource>(new LogSource(std::move(path), std::move(re)));
  } catch (const std::regex_error& e) {
    return Status::invalid_argument(
        fmt::format("--match '{}' is not a regular expression: {}", pattern, e.what()));
  }
}

Result<RequestCounts> LogSource::poll() {
  RequestCounts d;
  struct stat st {};
  if (::stat(path_.c_str(), &st) != 0) {
    started_ = true;  // appears later: read it from its start
    offset_ = 0;
    return d;
  }
  const auto size = static_cast<std::uint64_t>(st.st_size);
  if (!started_) {  // lines before the run are not the run's
    started_ = true;
    offset_ = size;
    return d;
  }
  if (size < offset_) {
    offset_ = 0;
    partial_.clear();
  }
  if (size == offset_) return d;
  std::ifstream in(path_, std::ios::binary);
  if (!in) return Status::io_error(fmt::format("cannot read {}", path_));
  in.seekg(static_cast<std::streamoff>(offset_));
  constexpr std::uint64_t kMaxRead = 64u << 20;
  std::string chunk(static_cast<std::size_t>(std::min(size - offset_, kMaxRead)), '\0');
  in.read(chunk.data(), static_cast<std::streamsize>(chunk.size()));
  chunk.resize(static_cast<std::size_t>(in.gcount()));
  offset_ += chunk.size();
  partial_ += chunk;
  std::size_t start = 0;
  for (std::size_t nl; (nl = partial_.find('\n', start)) != std::string::npos; start = nl + 1) {
    const std::string line = partial_.substr(start, nl - start);
    std::smatch m;
    if (!std::regex_search(line, m, re_)) continue;
    d.requests += 1;
    if (m.size() > 1 && m[1].matched) d.output_tokens += std::strtod(m[1].str().c_str(), nullptr);
    if (m.size() > 2 && m[2].matched) d.input_tokens += std::strtod(m[2].str().c_str(), nullptr);
  }
  partial_.erase(0, start);
  return d;
}

namespace {

class ThreadPoller final : public RequestPoller {
 public:
  ThreadPoller(std::unique_ptr<RequestSource> source, Tracker& tracker, Duration period)
      : source_(std::move(source)), tracker_(tracker), period_(period) {
    poll_once();  // the baseline, before the command starts serving
    thread_ = std::thread([this] {
      std::unique_lock<std::mutex> lock(mu_);
      while (!stopping_) {
        cv_.wait_for(lock, std::chrono::duration<double>(period_.count()), [this] { return stopping_; });
        if (stopping_) break;
        lock.unlock();
        poll_once();
        lock.lock();
      }
    });
  }
  ~ThreadPoller() override { stop(); }
  ThreadPoller(const ThreadPoller&) = delete;
  ThreadPoller& operator=(const ThreadPoller&) = delete;

  void stop() override {
    {
      std::lock_guard<std::mutex> lock(mu_);
      if (stopping_) return;
      stopping_ = true;
    }
    cv_.notify_all();
    if (thread_.joinable()) thread_.join();
    poll_once();
  }

  std::string problems() const override {
    std::lock_guard<std::mutex> lock(mu_);
    if (!ever_ok_)
      return fmt::format("{} never answered ({} tries); the last: {}", source_->describe(), polls_,
                         last_error_);
    if (failures_ == 0) return "";
    return fmt::format("{} of {} reads of {} failed; the last: {}", failures_, polls_, source_->describe(),
                       last_error_);
  }

 private:
  void poll_once() {
    Result<RequestCounts> r = source_->poll();
    std::lock_guard<std::mutex> lock(mu_);
    ++polls_;
    if (!r.ok()) {
      if (ever_ok_) ++failures_;  // a service still starting is not a failure
      last_error_ = r.status().message();
      return;
    }
    if (!ever_ok_ && polls_ > 1) tracker_.begin_request_fit();  // it was starting until now
    ever_ok_ = true;
    if (r->any()) tracker_.add_requests(r->requests, r->input_tokens, r->output_tokens);
  }

  std::unique_ptr<RequestSource> source_;
  Tracker& tracker_;
  Duration period_;
  mutable std::mutex mu_;
  std::condition_variable cv_;
  bool stopping_ = false;
  int polls_ = 0, failures_ = 0;
  bool ever_ok_ = false;
  std::string last_error_;
  std::thread thread_;
};

}  // namespace

Result<std::unique_ptr<RequestSource>> metrics_request_source(const std::string& url,
                                                              const std::string& requests_metric,
                                                              const std::string& tokens_metric) {
  CS_ASSIGN_OR_RETURN(LoopbackUrl parsed, parse_loopback_url(url));
  MetricNames names;
  if (!requests_metric.empty()) names.requests = {requests_metric};
  if (!tokens_metric.empty()) names.output_tokens = {tokens_metric};
  return std::unique_ptr<RequestSource>(std::make_unique<PrometheusSource>(parsed, url, names));
}

Result<std::unique_ptr<RequestSource>> log_request_source(const std::string& path, const std::string& pattern) {
  CS_ASSIGN_OR_RETURN(std::unique_ptr<LogSource> log, LogSource::create(path, pattern));
  return std::unique_ptr<RequestSource>(std::move(log));
}

std::unique_ptr<RequestPoller> start_request_poller(std::unique_ptr<RequestSource> source, Tracker& tracker,
                                                    Duration interval) {
  if (!source) return nullptr;
  const Duration period(std::clamp(interval.count() / 4, 0.05, 1.0));
  return std::make_unique<ThreadPoller>(std::move(source), tracker, period);
}

}  // namespace carbonscope

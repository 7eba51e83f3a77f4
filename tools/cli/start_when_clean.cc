// The wait of `run --start-when-clean`: the choice is carbonscope/clean_start.h; this file
// parses the flags, resolves the run's place to its hourly series, prints the choice and
// sleeps until the start (carbonscope/start_wait.h), stopping cleanly on SIGINT/SIGTERM/SIGHUP.
#include "start_when_clean.h"

#include <signal.h>

#include <iostream>

#include <fmt/format.h>

#include "carbonscope/clean_start.h"
#include "carbonscope/format.h"
#include "carbonscope/parse.h"
#include "carbonscope/start_wait.h"
#include "hourly_options.h"

namespace carbonscope::cli {
namespace {

std::string g_range(const Range<CarbonIntensity>& r) {
  return fmt::format("{:.0f} g/kWh ({:.0f} to {:.0f})", r.central.g_per_kwh(), r.low.g_per_kwh(),
                     r.high.g_per_kwh());
}

Result<double> deadline_of(const StartWhenCleanOptions& o, double now) {
  if (!o.deadline.empty() && !o.within.empty())
    return Status::invalid_argument("--deadline and --within both end the wait: give one");
  const std::string& text = o.deadline.empty() ? o.within : o.deadline;
  const char* flag = o.deadline.empty() ? "--within" : "--deadline";
  if (text.empty())
    return Status::invalid_argument(
        "--start-when-clean needs --deadline (8h, or 2026-07-01T06:00Z) or --within 8h");
  if (text.find_first_of("-:") != std::string::npos && flag == std::string("--deadline")) {
    auto t = parse_utc_time(text);
    if (!t.ok()) return t.status().with_context(flag);
    return static_cast<double>(*t);
  }
  auto d = parse_duration(text);
  if (!d.ok()) return d.status().with_context(fmt::format("{} (a duration from now such as 8h)", flag));
  return now + d->count();
}

std::string place_key(const TrackingOptions& t) {
  return t.location.cloud.empty() ? t.location.region : t.location.cloud;
}

void print_choice(const CleanStart& c, double now, const std::string& duration) {
  std::cerr << fmt::format("carbonscope: start when clean at {}: {}\n", c.place, c.data);
  if (c.at_once) {
    std::cerr << fmt::format(
        "carbonscope: starting now: the cleanest of {} starts before the deadline ({} over the expected "
        "{})\n",
        c.starts, g_range(c.now), duration);
    return;
  }
  std::cerr << fmt::format(
      "carbonscope: best start {} (in {}), of {} compared: {} over the expected {}, against {} starting now: "
      "expected saving {:.0f}% of the run's emissions\n",
      format_iso_minute(c.start_unix), format_duration(Duration(c.start_unix - now)), c.starts,
      g_range(c.best), duration, g_range(c.now), c.saving_percent);
  std::cerr << "carbonscope: waiting until then; Ctrl-C stops without running the command\n";
}

}  // namespace

void add_start_when_clean_options(CLI::App* cmd, StartWhenCleanOptions& o) {
  cmd->add_flag("--start-when-clean", o.enabled,
                "Wait for the start with the cleanest grid hours before --deadline, then run");
  cmd->add_option(
      "--deadline", o.deadline,
      "With --start-when-clean: when the command must be done (8h from now, or 2026-07-01T06:00Z)");
  cmd->add_option("--within", o.within, "With --start-when-clean: the same as --deadline DURATION (8h)");
  cmd->add_option("--expected-duration", o.expected_duration,
                  "With --start-when-clean: how long the command runs (2h, 90min); required");
}

std::optional<int> wait_for_clean_start(const Context& ctx, const DataSet& data,
                                        const TrackingOptions& tracking, const StartWhenCleanOptions& o) {
  if (!o.enabled) {
    if (o.deadline.empty() && o.within.empty() && o.expected_duration.empty()) return std::nullopt;
    return report_error(Status::invalid_argument(
        "--deadline, --within and --expected-duration belong to --start-when-clean: add it, or drop them"));
  }
  if (o.expected_duration.empty()) {
    return report_error(Status::invalid_argument(
        "--start-when-clean needs --expected-duration: how long the command runs (2h, 90min), so that its "
        "hours can be compared"));
  }
  auto duration = parse_duration(o.expected_duration);
  if (!duration.ok()) return report_error(duration.status().with_context("--expected-duration"));
  auto wait = StartWait::from_environment(Environment::current());
  if (!wait.ok()) return report_error(wait.status());
  const double now = wait->unix_now();
  auto deadline = deadline_of(o, now);
  if (!deadline.ok()) return report_error(deadline.status());

  std::shared_ptr<const HourlyData> hourly;
  const std::string key = place_key(tracking);
  if (!key.empty()) {
    auto loaded = load_hourly(ctx);
    if (!loaded.ok()) return report_error(loaded.status());
    hourly = *loaded;
  }
  auto choice = plan_clean_start(data, hourly.get(), {now, *deadline, *duration, key, tracking.location.year});
  if (!choice.ok()) return report_error(choice.status().with_context("--start-when-clean"));
  if (!choice->has_data) {
    const std::string why =
        key.empty() ? "no place given (--cloud or --region), so no hourly series" : choice->reason;
    std::cerr << fmt::format("carbonscope: start when clean at {}: {}; starting at once\n", choice->place, why);
    return std::nullopt;
  }
  print_choice(*choice, now, format_duration(*duration));
  if (choice->at_once) return std::nullopt;

  if (const int sig = wait->sleep_until(choice->start_unix); sig != 0) {
    std::cerr << fmt::format(
        "carbonscope: interrupted ({}) while waiting to start: the command was not started\n",
        sig == SIGINT    ? "SIGINT"
        : sig == SIGTERM ? "SIGTERM"
                         : "SIGHUP");
    return 128 + sig;
  }
  std::cerr << fmt::format("carbonscope: starting at {}\n", format_iso_minute(wait->unix_now()));
  return std::nullopt;
}

}  // namespace carbonscope::cli

// --ledger and the run filter flags.
#include "ledger_options.h"

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <fstream>
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/ledger.h"

namespace carbonscope::cli {

void add_ledger_option(CLI::App* sub, std::string* path) {
  sub->add_option("--ledger", *path,
                  "Ledger file (default: $CARBONSCOPE_LEDGER, else $XDG_DATA_HOME/carbonscope/ledger.db, "
                  "else ~/.local/share/carbonscope/ledger.db)");
}

std::string resolve_ledger_path(const std::string& flag) {
  if (!flag.empty()) return flag;
  return default_ledger_path(std::getenv("CARBONSCOPE_LEDGER"), std::getenv("XDG_DATA_HOME"),
                             std::getenv("HOME"));
}

namespace {

// --limit: a whole number from 0 to kMaxLimit, checked on the text before CLI11
// converts it (a negative number would otherwise wrap around to a huge count).
constexpr std::uint64_t kMaxLimit = 1'000'000'000;

CLI::Validator limit_check() {
  return CLI::Validator(
      [](std::string& text) -> std::string {
        const bool digits = !text.empty() && text.size() <= 10 &&
                            std::all_of(text.begin(), text.end(), [](char c) { return c >= '0' && c <= '9'; });
        if (!digits || std::stoull(text) > kMaxLimit) {
          return fmt::format("'{}' is not a run count: give a whole number from 0 (all) to {}", text, kMaxLimit);
        }
        return std::string();
      },
      "0-1000000000");
}

}  // namespace

void add_filter_options(CLI::App* sub, FilterFlags* f) {
  sub->add_option("--project", f->project, "Only runs of this project");
  sub->add_option("--tag", f->tags, "Only runs with this tag (repeat: all must match)");
  sub->add_option("--since", f->since, "Only runs started on or after this UTC date (YYYY-MM-DD[THH:MM:SSZ])");
  sub->add_option("--until", f->until, "Only runs started before the end of this UTC date");
  sub->add_option("--status", f->status, "complete or incomplete");
  sub->add_option("--kind", f->kind, "run, monitor or estimate");
  sub->add_option("--limit", f->limit, "At most N runs, the newest (0: all)")->check(limit_check());
}

bool has_filter(const FilterFlags& f) {
  return !f.project.empty() || !f.tags.empty() || !f.since.empty() || !f.until.empty() || !f.status.empty() ||
         !f.kind.empty() || f.limit > 0;
}

Result<RunFilter> to_filter(const FilterFlags& f) { return parse_run_filter(f); }

void print_ledger_warnings(const Ledger& ledger) {
  for (const std::string& w : ledger.take_warnings()) std::cerr << "carbonscope: warning: " << w << "\n";
}

Status write_output(const std::string& path, const std::string& text) {
  if (path.empty() || path == "-") {
    std::cout << text;
    std::cout.flush();
    return std::cout ? Status::ok_status() : Status::io_error("cannot write to standard output");
  }
  std::ofstream out(path, std::ios::binary | std::ios::trunc);
  out << text;
  out.close();
  if (!out) return Status::io_error(fmt::format("cannot write {}: check the directory exists and is writable", path));
  return Status::ok_status();
}

}  // namespace carbonscope::cli

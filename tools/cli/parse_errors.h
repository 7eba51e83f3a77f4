// Command-line mistakes in carbonscope's words, not CLI11's: an unknown command or
// option gets "did you mean", a command for `run` given without `--` is told where it
// goes, and every error ends with the help of the subcommand it concerns. The one place
// that reads CLI11's errors; subcommands need nothing of their own.
#pragma once

#include <string>
#include <vector>

#include <CLI/CLI.hpp>

namespace carbonscope::cli {

// What the words of a command line name, read before CLI11 parses them.
struct CommandLine {
  const CLI::App* command = nullptr;  // the deepest subcommand named; the app itself if none
  std::string path;                   // "carbonscope runs list": what its help is called
  std::string error;                  // an unknown command or option, explained; "" if none
};

// Walks `args` (argv without argv[0]) through the app's subcommands and options, up to
// a "--". Values of options are skipped, not judged: CLI11 and the commands do that.
CommandLine read_command_line(const CLI::App& app, const std::vector<std::string>& args);

// CLI11's error `e` for this command line, rewritten to say what to do.
std::string explain_parse_error(const CommandLine& line, const CLI::ParseError& e);

// "carbonscope: MESSAGE" and "Run 'PATH --help' for usage." on stderr; the usage exit code.
int report_usage_error(const std::string& message, const std::string& path);

}  // namespace carbonscope::cli

// The flags of `carbonscope serve`, registered the same way in the main binary (which
// hands the command to carbonscope-serve) and in carbonscope-serve (which runs it), so
// `carbonscope serve --help` and errors are the same in both.
#pragma once

#include <string>

#include <CLI/CLI.hpp>

namespace carbonscope::cli {

struct ServeFlags {
  std::string ledger;
  std::string host = "127.0.0.1";
  int port = 8787;
};

CLI::App* add_serve_options(CLI::App& app, ServeFlags& flags);

}  // namespace carbonscope::cli

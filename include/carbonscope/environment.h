// Environment: the process environment as a value. A front end (the CLI's main, Python's
// tracker) or a setup takes one snapshot with Environment::current() and passes it to
// what needs a variable; a test builds one by hand. Nothing else in src/ calls getenv,
// and every reader takes the same type (sensor roots, launcher ranks, settings, Slurm
// tags, the ledger's file system, fallback directories, the terminal width).
#pragma once

#include <initializer_list>
#include <map>
#include <string>
#include <string_view>
#include <utility>

namespace carbonscope {

class Environment {
 public:
  Environment() = default;  // nothing set
  Environment(std::initializer_list<std::pair<const std::string, std::string>> vars) : vars_(vars) {}
  // The process's variables, as they are now.
  static Environment current();

  // The value, or "" when the variable is unset; an empty value counts as unset.
  std::string get(std::string_view name) const;
  // The same, nullptr when unset or empty.
  const char* find(std::string_view name) const;
  Environment& set(std::string name, std::string value);

 private:
  std::map<std::string, std::string, std::less<>> vars_;
};

}  // namespace carbonscope

// The one reader of the process environment (see carbonscope/environment.h).
#include "carbonscope/environment.h"

#include <unistd.h>

namespace carbonscope {

Environment Environment::current() {
  Environment e;
  for (char** p = ::environ; p != nullptr && *p != nullptr; ++p) {
    const std::string_view entry(*p);
    const std::size_t eq = entry.find('=');
    if (eq == std::string_view::npos || eq == 0) continue;
    e.vars_.emplace(std::string(entry.substr(0, eq)), std::string(entry.substr(eq + 1)));
  }
  return e;
}

std::string Environment::get(std::string_view name) const {
  const char* v = find(name);
  return v != nullptr ? v : "";
}

const char* Environment::find(std::string_view name) const {
  const auto it = vars_.find(name);
  return it == vars_.end() || it->second.empty() ? nullptr : it->second.c_str();
}

Environment& Environment::set(std::string name, std::string value) {
  vars_[std::move(name)] = std::move(value);
  return *this;
}

}  // namespace carbonscope

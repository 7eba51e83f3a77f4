// The walk mirrors CLI11's rules only as far as names go: "--name=value", "-x", a value
// after an option that takes one, a subcommand name where one may stand. Everything
// about values stays with CLI11 and the commands.
#include "parse_errors.h"

#include <algorithm>
#include <cctype>
#include <iostream>

#include <fmt/format.h>

#include "carbonscope/name_match.h"
#include "command.h"

namespace carbonscope::cli {
namespace {

// "-5g" and "-0.3" are values (negative numbers), not options.
bool looks_like_option(const std::string& s) {
  return s.size() > 1 && s[0] == '-' && !std::isdigit(static_cast<unsigned char>(s[1])) && s[1] != '.';
}

const CLI::Option* find_option(const CLI::App* app, const std::string& name) {
  for (const CLI::App* a = app; a != nullptr; a = a->get_fallthrough() ? a->get_parent() : nullptr) {
    if (const CLI::Option* o = a->get_option_no_throw(name); o != nullptr && o->nonpositional()) return o;
  }
  return nullptr;
}

const CLI::App* find_subcommand(const CLI::App* app, const std::string& name) {
  const auto subs = app->get_subcommands([&name](const CLI::App* s) { return s->check_name(name); });
  return subs.empty() ? nullptr : subs.front();
}

bool has_positionals(const CLI::App* app) {
  return !app->get_options([](const CLI::Option* o) { return o->get_positional() && !o->nonpositional(); }).empty();
}

std::string without_dashes(const std::string& s) { return s.substr(std::min(s.find_first_not_of('-'), s.size())); }

// Names close to `word` (dashes aside): one typo in a short name, two in a longer one,
// or its start. A one-letter word is close to everything, so it gets none.
std::vector<std::string> close_names(const std::string& word, const std::vector<std::string>& names) {
  const std::string w = without_dashes(word);
  if (w.size() < 2) return {};
  const std::size_t allowed = w.size() <= 4 ? 1 : w.size() <= 8 ? 2 : 3;
  std::vector<std::pair<std::size_t, std::string>> scored;
  for (const std::string& name : names) {
    const std::string n = without_dashes(name);
    if (n.size() < 2) continue;
    std::size_t d = edit_distance(w, n);
    if (w.size() >= 3 && n.size() > w.size() && n.compare(0, w.size(), w) == 0) d = std::min(d, allowed);
    if (d <= allowed) scored.emplace_back(d, name);
  }
  std::stable_sort(scored.begin(), scored.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
  std::vector<std::string> out;
  for (const auto& [d, n] : scored) {
    if (out.size() < 3 && std::find(out.begin(), out.end(), n) == out.end()) out.push_back(n);
  }
  return out;
}

std::vector<std::string> subcommand_names(const CLI::App* app) {
  std::vector<std::string> out;
  for (const CLI::App* s : app->get_subcommands([](const CLI::App*) { return true; })) out.push_back(s->get_name());
  return out;
}

std::vector<std::string> option_names(const CLI::App* app) {
  std::vector<std::string> out;
  for (const CLI::App* a = app; a != nullptr; a = a->get_fallthrough() ? a->get_parent() : nullptr) {
    for (const CLI::Option* o : a->get_options()) {
      for (const std::string& l : o->get_lnames()) out.push_back("--" + l);
      for (const std::string& s : o->get_snames()) out.push_back("-" + s);
    }
  }
  return out;
}

std::string unknown_command(const CLI::App* app, const std::string& path, const std::string& word) {
  const std::vector<std::string> names = subcommand_names(app);
  const std::vector<std::string> close = close_names(word, names);
  const bool top = app->get_parent() == nullptr;
  std::string msg = top ? fmt::format("unknown command '{}'", word)
                        : fmt::format("unknown subcommand '{}' of '{}'", word, path);
  if (!close.empty()) return msg + fmt::format("; did you mean: {}?", fmt::join(close, ", "));
  return msg + fmt::format("; the {} are: {}", top ? "commands" : "subcommands", fmt::join(names, ", "));
}

std::string unknown_option(const CLI::App* app, const std::string& path, const std::string& name) {
  std::string msg = fmt::format("unknown option '{}' for '{}'", name, path);
  const std::vector<std::string> close = close_names(name, option_names(app));
  if (!close.empty()) return msg + fmt::format("; did you mean {}?", fmt::join(close, " or "));
  // An option of the top level given after the command.
  for (const CLI::App* a = app->get_parent(); a != nullptr; a = a->get_parent()) {
    if (find_option(a, name) != nullptr) {
      return msg + fmt::format("; {} is an option of '{}' and goes before the command", name, a->get_name());
    }
  }
  return msg;
}

// "python3 -c 'print(1)'" as a shell would need it.
std::string shell_words(const std::vector<std::string>& words) {
  std::vector<std::string> out;
  for (const std::string& w : words) {
    const bool plain = !w.empty() && std::all_of(w.begin(), w.end(), [](char c) {
      return std::isalnum(static_cast<unsigned char>(c)) || std::string_view("-_./=:,+%@").find(c) != std::string_view::npos;
    });
    std::string q = w;
    for (std::size_t i = q.find('\''); i != std::string::npos; i = q.find('\'', i + 4)) q.replace(i, 1, "'\\''");
    out.push_back(plain ? w : "'" + q + "'");
  }
  return fmt::format("{}", fmt::join(out, " "));
}

// "Could not convert: --year = abc" -> {"--year", "abc"}; "" when it is not of that form.
std::pair<std::string, std::string> split_around(const std::string& s, const std::string& prefix,
                                                 const std::string& middle) {
  if (s.rfind(prefix, 0) != 0) return {};
  const auto m = s.find(middle, prefix.size());
  if (m == std::string::npos) return {};
  return {s.substr(prefix.size(), m - prefix.size()), s.substr(m + middle.size())};
}

std::string type_words(const CLI::Option* o) {
  const std::string t = o == nullptr ? "" : o->get_type_name();
  if (t == "INT" || t == "UINT") return "a whole number";
  if (t == "FLOAT") return "a number";
  return "a valid value";
}

}  // namespace

CommandLine read_command_line(const CLI::App& app, const std::vector<std::string>& args) {
  CommandLine line;
  line.command = &app;
  line.path = app.get_name();
  std::vector<std::string> positionals;  // of line.command, in order
  std::size_t first_positional = 0;      // its index in args
  for (std::size_t i = 0; i < args.size(); ++i) {
    const std::string& word = args[i];
    if (word == "--") break;
    if (looks_like_option(word)) {
      const bool is_long = word.rfind("--", 0) == 0;
      const std::string name = is_long ? word.substr(0, word.find('=')) : word.substr(0, 2);
      const CLI::Option* o = find_option(line.command, name);
      if (o == nullptr) {
        if (!positionals.empty() && line.command->get_option_no_throw("command") != nullptr) {
          std::vector<std::string> cmd(args.begin() + static_cast<std::ptrdiff_t>(first_positional), args.end());
          cmd.erase(std::remove(cmd.begin(), cmd.end(), "--"), cmd.end());
          line.error = fmt::format("put the command after --: {} [options] -- {} (before --, {} is read as an "
                                   "option of {})", line.path, shell_words(cmd), name, line.path);
        } else {
          line.error = unknown_option(line.command, line.path, name);
        }
        return line;
      }
      const bool inline_value = is_long ? word.find('=') != std::string::npos : word.size() > 2;
      if (o->get_items_expected_max() > 0 && !inline_value) {
        ++i;  // its value
        if (o->get_items_expected_max() > 1 && o->get_allow_extra_args()) {  // a list: words up to the next option
          while (i + 1 < args.size() && !looks_like_option(args[i + 1]) && args[i + 1] != "--") ++i;
        }
      }
      continue;
    }
    if (positionals.empty()) {
      if (const CLI::App* sub = find_subcommand(line.command, word)) {
        line.command = sub;
        line.path += " " + sub->get_name();
        continue;
      }
      if (!has_positionals(line.command) && !subcommand_names(line.command).empty()) {
        line.error = unknown_command(line.command, line.path, word);
        return line;
      }
    }
    if (positionals.empty()) first_positional = i;
    positionals.push_back(word);
  }
  return line;
}

std::string explain_parse_error(const CommandLine& line, const CLI::ParseError& e) {
  const std::string what = e.what();
  const CLI::App* app = line.command;
  if (dynamic_cast<const CLI::RequiredError*>(&e) != nullptr) {
    if (what.rfind("A subcommand", 0) == 0 || what.rfind("Requires at least", 0) == 0) {
      return fmt::format("'{}' needs a {}: {}", line.path, app->get_parent() == nullptr ? "command" : "subcommand",
                         fmt::join(subcommand_names(app), ", "));
    }
    if (auto [name, rest] = split_around(what, "", " is required"); !name.empty() && rest.empty()) {
      const CLI::Option* o = app->get_option_no_throw(name);
      if (o != nullptr && !o->nonpositional()) return fmt::format("'{}' needs its {} argument", line.path, name);
      return fmt::format("'{}' needs {}", line.path, name);
    }
  }
  if (dynamic_cast<const CLI::ArgumentMismatch*>(&e) != nullptr) {
    if (auto [name, rest] = split_around(what, "", ": "); !name.empty() && find_option(app, name) != nullptr) {
      return fmt::format("{} needs a value", name);
    }
  }
  if (dynamic_cast<const CLI::ConversionError*>(&e) != nullptr) {
    if (auto [name, value] = split_around(what, "Could not convert: ", " = "); !name.empty()) {
      return fmt::format("{}: '{}' is not {}", name, value, type_words(find_option(app, name)));
    }
    if (auto [value, name] = split_around(what, "The value ", " is not an allowed value for "); !name.empty()) {
      return fmt::format("{}: '{}' is not an allowed value", name, value);
    }
  }
  if (dynamic_cast<const CLI::ValidationError*>(&e) != nullptr) {
    // "--format: pdf not in {text,md,json}"
    if (auto [name, rest] = split_around(what, "", ": "); !name.empty()) {
      if (auto [value, set] = split_around(rest, "", " not in {"); !value.empty() && !set.empty()) {
        set.pop_back();  // '}'
        std::vector<std::string> choices;
        for (std::size_t start = 0; start <= set.size();) {
          const auto comma = std::min(set.find(',', start), set.size());
          choices.push_back(set.substr(start, comma - start));
          start = comma + 1;
        }
        return fmt::format("{}: '{}' is not one of: {}", name, value, fmt::join(choices, ", "));
      }
    }
  }
  if (dynamic_cast<const CLI::ExtrasError*>(&e) != nullptr) {
    const auto colon = what.find(": ");
    // CLI11 lists them last first.
    std::vector<std::string> words;
    for (std::size_t start = colon == std::string::npos ? 0 : colon + 2; start < what.size();) {
      const auto space = std::min(what.find(' ', start), what.size());
      words.insert(words.begin(), what.substr(start, space - start));
      start = space + 1;
    }
    const std::string extras = fmt::format("{}", fmt::join(words, " "));
    return fmt::format("unexpected argument{} '{}' for '{}' (a value that contains spaces needs quotes)",
                       extras.find(' ') == std::string::npos ? "" : "s", extras, line.path);
  }
  return what;
}

int report_usage_error(const std::string& message, const std::string& path) {
  std::cerr << fmt::format("carbonscope: {}\nRun '{} --help' for usage.\n", message, path);
  return kExitUsage;
}

}  // namespace carbonscope::cli

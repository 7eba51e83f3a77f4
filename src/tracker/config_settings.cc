// Settings from the environment, carbonscope.toml files and .codecarbon.config.
#include "carbonscope/settings.h"

#include <unistd.h>

#include <climits>
#include <cstdlib>
#include <fstream>
#include <sstream>

#include <fmt/format.h>
#include <toml++/toml.h>

#include "core/text.h"

namespace carbonscope {
namespace {

struct Layer {
  Setting country, region, cloud, pue;
  bool names_where() const { return !country.value.empty() || !region.value.empty() || !cloud.value.empty(); }
};

bool readable(const std::string& path, std::string* text) {
  std::ifstream in(path, std::ios::binary);
  if (!in) return false;
  std::stringstream ss;
  ss << in.rdbuf();
  *text = ss.str();
  return true;
}

std::string parent_of(const std::string& dir) {
  const auto slash = dir.find_last_of('/');
  if (slash == std::string::npos || slash == 0) return dir == "/" ? "" : "/";
  return dir.substr(0, slash);
}

Result<Layer> toml_layer(const std::string& path, const std::string& text) {
  toml::table root;
  try {
    root = toml::parse(text, std::string_view(path));
  } catch (const toml::parse_error& e) {
    return Status::invalid_argument(fmt::format("{}:{}: {}", path, e.source().begin.line, e.description()));
  }
  Layer l;
  for (const auto& [key, node] : root) {
    Setting* s = key == "country"  ? &l.country
                 : key == "region" ? &l.region
                 : key == "cloud"  ? &l.cloud
                 : key == "pue"    ? &l.pue
                                   : nullptr;
    if (s == nullptr) {
      return Status::invalid_argument(
          fmt::format("{}: unknown key '{}': the keys are country, region, cloud, pue", path, key.str()));
    }
    if (const auto* v = node.as_string()) {
      s->value = v->get();
    } else if (const auto* d = node.as_floating_point(); d && key == "pue") {
      s->value = fmt::format("{}", d->get());
    } else if (const auto* i = node.as_integer(); i && key == "pue") {
      s->value = fmt::format("{}", i->get());
    } else {
      return Status::invalid_argument(fmt::format("{}: {} must be a string{}", path, key.str(),
                                                  key == "pue" ? " or a number" : " (country = \"FR\")"));
    }
    s->source = path;
  }
  return l;
}

// CodeCarbon's INI file: the [codecarbon] section's keys we can use.
Layer codecarbon_layer(const std::string& path, const std::string& text) {
  Layer l;
  std::istringstream in(text);
  std::string line, section, provider, cloud_region;
  const auto trimmed = [](std::string_view s) { return std::string(trim(s)); };
  while (std::getline(in, line)) {
    line = trimmed(line);
    if (line.empty() || line[0] == '#' || line[0] == ';') continue;
    if (line.front() == '[') {
      section = trimmed(line.substr(1, line.find(']') - 1));
      continue;
    }
    if (section != "codecarbon") continue;
    const auto eq = line.find_first_of("=:");
    if (eq == std::string::npos) continue;
    const std::string key = trimmed(line.substr(0, eq)), value = trimmed(line.substr(eq + 1));
    if (value.empty()) continue;
    const Setting s{value, path};
    if (key == "country_iso_code") l.country = s;
    if (key == "region") l.region = s;
    if (key == "pue") l.pue = s;
    if (key == "cloud_provider") provider = value;
    if (key == "cloud_region") cloud_region = value;
  }
  if (!provider.empty() && !cloud_region.empty()) l.cloud = {provider + ":" + cloud_region, path};
  return l;
}

}  // namespace

SettingsInputs process_settings_inputs() {
  SettingsInputs in;
  in.env = Environment::current();
  char buf[PATH_MAX];
  if (::getcwd(buf, sizeof buf) != nullptr) in.cwd = buf;
  return in;
}

Result<Settings> load_settings(const SettingsInputs& in) {
  Settings out;
  std::vector<Layer> layers;
  Layer env;
  for (auto [name, s] :
       {std::pair{"CARBONSCOPE_COUNTRY", &env.country}, std::pair{"CARBONSCOPE_REGION", &env.region},
        std::pair{"CARBONSCOPE_CLOUD", &env.cloud}, std::pair{"CARBONSCOPE_PUE", &env.pue}}) {
    if (std::string v = in.env.get(name); !v.empty()) *s = {v, name};
  }
  layers.push_back(env);
  std::string text;
  bool carbonscope_file = false;
  for (std::string dir = in.cwd; !dir.empty(); dir = parent_of(dir)) {  // the nearest project file
    const std::string path = (dir == "/" ? "" : dir) + "/carbonscope.toml";
    if (readable(path, &text)) {
      CS_ASSIGN_OR_RETURN(Layer l, toml_layer(path, text));
      layers.push_back(l);
      out.files.push_back(path);
      carbonscope_file = true;
      break;
    }
    if (dir == "/") break;
  }
  const std::string home = in.env.get("HOME");
  std::string config_home = in.env.get("XDG_CONFIG_HOME");
  if (config_home.empty() && !home.empty()) config_home = home + "/.config";
  if (!config_home.empty()) {
    const std::string path = config_home + "/carbonscope/config.toml";
    if (readable(path, &text)) {
      CS_ASSIGN_OR_RETURN(Layer l, toml_layer(path, text));
      layers.push_back(l);
      out.files.push_back(path);
      carbonscope_file = true;
    }
  }
  if (!carbonscope_file) {
    for (const std::string& dir : {in.cwd, home}) {
      if (dir.empty()) continue;
      const std::string path = dir + "/.codecarbon.config";
      if (!readable(path, &text)) continue;
      layers.push_back(codecarbon_layer(path, text));
      out.files.push_back(path);
      out.notes.push_back(
          fmt::format("read CodeCarbon's {} (no carbonscope.toml or config.toml was found)", path));
    }
  }
  for (const Layer& l : layers) {
    if (l.names_where()) {
      out.country = l.country;
      out.region = l.region;
      out.cloud = l.cloud;
      break;
    }
  }
  for (const Layer& l : layers) {
    if (!l.pue.value.empty()) {
      out.pue = l.pue;
      break;
    }
  }
  return out;
}

LocationText apply_settings(const LocationText& given, const Settings& s, std::vector<std::string>* used) {
  LocationText out = given;
  const auto note = [used](const std::string& what, const Setting& from) {
    if (used) used->push_back(fmt::format("{} {} from {}", what, from.value, from.source));
  };
  if (given.region.empty() && given.cloud.empty() && given.intensity.empty()) {
    if (!s.cloud.value.empty()) {
      out.cloud = s.cloud.value;
      note("cloud", s.cloud);
    } else if (!s.region.value.empty()) {
      out.region = s.region.value;
      note("region", s.region);
    } else if (!s.country.value.empty()) {
      out.region = s.country.value;
      note("country", s.country);
    }
  }
  if (given.pue.empty() && !s.pue.value.empty()) {
    out.pue = s.pue.value;
    note("pue", s.pue);
  }
  return out;
}

}  // namespace carbonscope

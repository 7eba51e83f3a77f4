// Default location and PUE for runs given no flag or keyword: the environment
// (CARBONSCOPE_COUNTRY, CARBONSCOPE_REGION, CARBONSCOPE_CLOUD, CARBONSCOPE_PUE), a
// project file (carbonscope.toml in the working directory or the nearest parent), the
// user's file ($XDG_CONFIG_HOME/carbonscope/config.toml, else ~/.config/...), and, only
// when no carbonscope file exists, CodeCarbon's .codecarbon.config ([codecarbon]
// country_iso_code, region, cloud_provider, cloud_region, pue) in the working directory
// or home. Precedence: flag > environment > project file > user file > CodeCarbon file.
// One implementation for the CLI (run, monitor, config show) and Python (track()).
#pragma once

#include <string>
#include <vector>

#include "carbonscope/location.h"
#include "carbonscope/status.h"
#include "carbonscope/environment.h"

namespace carbonscope {

struct Setting {
  std::string value;   // "" = not set
  std::string source;  // "CARBONSCOPE_COUNTRY", "/home/a/proj/carbonscope.toml", "--region", ...
};

struct Settings {
  Setting country, region, cloud, pue;
  std::vector<std::string> files;  // every file read, in precedence order (highest first)
  std::vector<std::string> notes;  // e.g. "read CodeCarbon's ... (no carbonscope config found)"
};

struct SettingsInputs {
  Environment env;
  std::string cwd;
};
SettingsInputs process_settings_inputs();  // the real environment and working directory

// Reads the sources above. A file that cannot be parsed, or holds an unknown key, is an
// error naming the file and the key.
Result<Settings> load_settings(const SettingsInputs& in);

// The location to resolve: what the caller gave, else the settings. Where: a caller's
// region, cloud or intensity wins over every setting of where; else the highest-ranked
// source naming a country, region or cloud gives all three (region is the finer zone,
// used when set, else country). pue separately. `used` says what was taken and from where.
LocationText apply_settings(const LocationText& given, const Settings& s, std::vector<std::string>* used);

}  // namespace carbonscope

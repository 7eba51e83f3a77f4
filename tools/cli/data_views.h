// Views of the data tables for `carbonscope data`: one entry per row, with a list
// line, a detail block and a JSON object, all built from the same fields.
#pragma once

#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "carbonscope/data.h"

namespace carbonscope::cli {

struct DataEntry {
  std::vector<std::string> names;  // what a search matches: name first, then aliases/ids
  std::string line;                // one line in a listing
  std::string detail;              // the full entry, with its sources
  nlohmann::json json;
};

std::vector<DataEntry> region_entries(const DataSet& data);
std::vector<DataEntry> hardware_entries(const DataSet& data);
std::vector<DataEntry> cpu_entries(const DataSet& data);
std::vector<DataEntry> source_entries(const DataSet& data);
std::vector<DataEntry> instance_entries(const DataSet& data);  // data_instances.cc

}  // namespace carbonscope::cli

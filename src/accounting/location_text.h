// A location as a person writes it ("FR", "gcp:us-central1", "57g/kWh", "1.2", 2023),
// parsed and resolved through the data tables. Shared by the CLI's location flags and
// the Python keyword arguments; errors name the argument in the caller's style.
#pragma once

#include <string>

#include "carbonscope/location.h"
#include "carbonscope/parse.h"

namespace carbonscope {

struct LocationText {
  std::string region;     // zone: country or sub-national code or name
  std::string cloud;      // provider:region
  std::string intensity;  // "57g", "57g/kWh", "0.954lb/kWh"; overrides the tables
  std::string pue;        // "1.58"; 1.0 to 3.0
  int year = 0;           // grid data year; 0 = latest
};

// Parses the texts and resolves them; errors name the argument and the accepted form.
Result<Location> resolve_location_text(const DataSet& data, const LocationText& text,
                                       ArgStyle style = ArgStyle::kFlag);

// `error`, from resolving `region` or `cloud`, in the caller's style and sending a name
// given to the wrong one to the right one ("'us-east-1' is a cloud region ...: use
// --cloud aws:us-east-1"). For callers that resolve a LocationQuery themselves.
Status explain_location_error(const DataSet& data, const std::string& region, const std::string& cloud,
                              const Status& error, ArgStyle style);

}  // namespace carbonscope

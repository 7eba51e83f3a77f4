// A location as a person writes it (LocationText, resolve_location_text: public, in
// carbonscope/location.h), and the error explanation behind it for callers that
// resolve a LocationQuery themselves.
#pragma once

#include <string>

#include "carbonscope/location.h"
#include "carbonscope/parse.h"

namespace carbonscope {

// The one PUE range check: 1.0 to 3.0, since PUE is facility energy over IT energy.
// Each surface calls it and names its own option (--pue, pue=, pue = in a file, the
// query's pue); defined in location.cc.
Status check_pue(double pue);

// `error`, from resolving `region` or `cloud`, in the caller's style and sending a name
// given to the wrong one to the right one ("'us-east-1' is a cloud region ...: use
// --cloud aws:us-east-1"). For callers that resolve a LocationQuery themselves.
Status explain_location_error(const DataSet& data, const std::string& region, const std::string& cloud,
                              const Status& error, ArgStyle style);

}  // namespace carbonscope

// A location as a person writes it (LocationText, resolve_location_text: public, in
// carbonscope/location.h), and the error explanation behind it for callers that
// resolve a LocationQuery themselves.
#pragma once

#include <string>

#include "carbonscope/location.h"
#include "carbonscope/parse.h"

namespace carbonscope {

// `error`, from resolving `region` or `cloud`, in the caller's style and sending a name
// given to the wrong one to the right one ("'us-east-1' is a cloud region ...: use
// --cloud aws:us-east-1"). For callers that resolve a LocationQuery themselves.
Status explain_location_error(const DataSet& data, const std::string& region, const std::string& cloud,
                              const Status& error, ArgStyle style);

}  // namespace carbonscope

// Where `plan` and `data intensity|import-intensity` find the user's imported hourly
// series: --data-dir / CARBONSCOPE_DATA_DIR, else $XDG_DATA_HOME/carbonscope, else
// ~/.local/share/carbonscope (the folder the ledger lives in).
#pragma once

#include <memory>
#include <string>

#include "carbonscope/hourly.h"
#include "command.h"

namespace carbonscope::cli {

// The user's data directory (not created).
std::string user_data_dir(const Context& ctx);

// The built-in hourly series plus those imported into the user's data directory.
Result<std::shared_ptr<const HourlyData>> load_hourly(const Context& ctx);

}  // namespace carbonscope::cli

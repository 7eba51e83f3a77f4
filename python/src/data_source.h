// The data tables the bindings use: the built-in ones, or with CARBONSCOPE_DATA_DIR's
// files replacing them (as the CLI's --data-dir does). Loaded on first use, not at import.
#pragma once

#include <memory>

#include "carbonscope/data.h"

namespace carbonscope::python {

// Raises carbonscope.DataError (or another typed error) when the tables cannot load.
std::shared_ptr<const DataSet> data_tables();

}  // namespace carbonscope::python

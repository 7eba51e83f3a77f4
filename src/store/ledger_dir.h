// The ledger's directory, created (with its parents) before the ledger is: the one
// check Ledger::open makes before SQLite opens the file, also made on its own where a
// ledger that does not exist yet is created later (sinks/ledger_record.h).
#pragma once

#include <string>

#include "carbonscope/parse.h"
#include "carbonscope/status.h"

namespace carbonscope {

// OK when `ledger_path`'s directory exists or was made and can be written to; else why
// not, with the remedy named in `style` ("pick another file with ...").
Status ensure_ledger_directory(const std::string& ledger_path, ArgStyle style);

}  // namespace carbonscope

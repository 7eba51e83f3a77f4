// The ledger's SQL schema as an ordered list of forward migrations; PRAGMA user_version
// records how many have been applied. Never edit a shipped step: append a new one.
// Documented in docs/reference/ledger.md.
#pragma once

#include <span>
#include <string_view>

namespace carbonscope {

// Step i (0-based) moves a ledger from user_version i to i + 1.
std::span<const std::string_view> ledger_migrations();
// The schema version this binary writes (the number of migrations).
int ledger_schema_version();

}  // namespace carbonscope

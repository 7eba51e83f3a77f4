// The data tables, loaded once per process on first use.
#include "data_source.h"

#include <cstdlib>
#include <mutex>

#include "convert.h"

namespace carbonscope::python {

std::shared_ptr<const DataSet> data_tables() {
  static std::mutex mu;
  static std::shared_ptr<const DataSet> tables;
  std::lock_guard<std::mutex> lock(mu);
  if (!tables) {
    const char* dir = std::getenv("CARBONSCOPE_DATA_DIR");
    tables = unwrap(dir != nullptr && *dir != '\0' ? DataSet::with_overrides(dir) : DataSet::builtin());
  }
  return tables;
}

}  // namespace carbonscope::python

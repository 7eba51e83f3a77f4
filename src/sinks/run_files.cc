// Directories and atomic writes, through the FileWriter seam (run ids: run_id.cc).
#include "sinks/run_files.h"

#include <fmt/format.h>

#include "formats/json_text.h"

namespace carbonscope {

Status make_dirs(const std::string& path, FileWriter& files) { return files.make_dirs(path); }

Status write_file_atomic(const std::string& path, const std::string& text, FileWriter& files) {
  return files.write_atomic(path, text);
}

Status write_json_atomic(const std::string& path, const nlohmann::json& j, FileWriter& files) {
  return files.write_atomic(path, json_text(j, 2) + "\n");  // invalid UTF-8 written as U+FFFD
}

}  // namespace carbonscope

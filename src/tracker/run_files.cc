// Directories and atomic writes, through the FileWriter seam (run ids: run_id.cc).
#include "tracker/run_files.h"

#include <fmt/format.h>

namespace carbonscope {

Status make_dirs(const std::string& path, FileWriter& files) { return files.make_dirs(path); }

Status write_file_atomic(const std::string& path, const std::string& text, FileWriter& files) {
  return files.write_atomic(path, text);
}

Status write_json_atomic(const std::string& path, const nlohmann::json& j, FileWriter& files) {
  std::string text;
  try {
    text = j.dump(2) + "\n";
  } catch (const nlohmann::json::exception& e) {  // invalid UTF-8 that escaped escape_utf8
    return Status::internal(fmt::format("cannot write {}: {}", path, e.what()));
  }
  return files.write_atomic(path, text);
}

}  // namespace carbonscope

// DynamicLibrary: a vendor library (libnvidia-ml.so.1, librocm_smi64.so) opened at run
// time with dlopen, so the build never needs CUDA or ROCm. Tests open a fake library
// through the same path. A missing library is kUnavailable with dlerror's reason.
#pragma once

#include <string>

#include "carbonscope/status.h"

namespace carbonscope {

class DynamicLibrary {
 public:
  static Result<DynamicLibrary> open(const std::string& path);
  DynamicLibrary(DynamicLibrary&& other) noexcept;
  DynamicLibrary& operator=(DynamicLibrary&& other) noexcept;
  DynamicLibrary(const DynamicLibrary&) = delete;
  DynamicLibrary& operator=(const DynamicLibrary&) = delete;
  ~DynamicLibrary();

  // The address of `name`, or kUnavailable naming the symbol and the library.
  Result<void*> symbol(const std::string& name) const;
  const std::string& path() const { return path_; }

 private:
  DynamicLibrary(void* handle, std::string path) : handle_(handle), path_(std::move(path)) {}
  void* handle_ = nullptr;
  std::string path_;
};

}  // namespace carbonscope

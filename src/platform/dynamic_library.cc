// dlopen/dlsym wrapper.
#include "platform/dynamic_library.h"

#include <dlfcn.h>

#include <fmt/format.h>

namespace carbonscope {

Result<DynamicLibrary> DynamicLibrary::open(const std::string& path) {
  void* handle = ::dlopen(path.c_str(), RTLD_NOW | RTLD_LOCAL);
  if (handle == nullptr) {
    const char* err = ::dlerror();
    return Status::unavailable(fmt::format("cannot load {}: {}", path, err ? err : "unknown error"));
  }
  return DynamicLibrary(handle, path);
}

DynamicLibrary::DynamicLibrary(DynamicLibrary&& other) noexcept
    : handle_(other.handle_), path_(std::move(other.path_)) {
  other.handle_ = nullptr;
}

DynamicLibrary& DynamicLibrary::operator=(DynamicLibrary&& other) noexcept {
  if (this != &other) {
    if (handle_ != nullptr) ::dlclose(handle_);
    handle_ = other.handle_;
    path_ = std::move(other.path_);
    other.handle_ = nullptr;
  }
  return *this;
}

DynamicLibrary::~DynamicLibrary() {
  if (handle_ != nullptr) ::dlclose(handle_);
}

Result<void*> DynamicLibrary::symbol(const std::string& name) const {
  ::dlerror();
  void* sym = ::dlsym(handle_, name.c_str());
  if (sym == nullptr) {
    return Status::unavailable(fmt::format("{} has no symbol {}", path_, name));
  }
  return sym;
}

}  // namespace carbonscope

// Status and Result<T>: how every carbonscope function reports failure. No exceptions
// cross the library boundary; messages say what went wrong and how to fix it.
// Model: leveldb's Status, with a std::expected-like Result.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <variant>

namespace carbonscope {

enum class StatusCode {
  kOk = 0,
  kInvalidArgument,     // bad user input: a flag, a file, a value out of range
  kNotFound,            // an unknown name (hardware, region, run id)
  kAmbiguous,           // a name that matches several entries
  kUnavailable,         // a sensor or library that is not on this machine
  kPermissionDenied,    // present but not readable by this user
  kDataError,           // a malformed data table or record
  kIoError,             // a file or process operation failed
  kFailedPrecondition,  // the operation is not valid in the current state
  kInternal,            // a bug in carbonscope
};

std::string_view status_code_name(StatusCode code);

class [[nodiscard]] Status {
 public:
  Status() = default;
  Status(StatusCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status ok_status() { return {}; }
  static Status invalid_argument(std::string m) { return {StatusCode::kInvalidArgument, std::move(m)}; }
  static Status not_found(std::string m) { return {StatusCode::kNotFound, std::move(m)}; }
  static Status ambiguous(std::string m) { return {StatusCode::kAmbiguous, std::move(m)}; }
  static Status unavailable(std::string m) { return {StatusCode::kUnavailable, std::move(m)}; }
  static Status permission_denied(std::string m) { return {StatusCode::kPermissionDenied, std::move(m)}; }
  static Status data_error(std::string m) { return {StatusCode::kDataError, std::move(m)}; }
  static Status io_error(std::string m) { return {StatusCode::kIoError, std::move(m)}; }
  static Status failed_precondition(std::string m) { return {StatusCode::kFailedPrecondition, std::move(m)}; }
  static Status internal(std::string m) { return {StatusCode::kInternal, std::move(m)}; }

  bool ok() const { return code_ == StatusCode::kOk; }
  StatusCode code() const { return code_; }
  const std::string& message() const { return message_; }
  // "not found: unknown GPU 'X'"; "OK" for success.
  std::string to_string() const;
  // The same status with "context: " put before its message.
  Status with_context(std::string_view context) const;

 private:
  StatusCode code_ = StatusCode::kOk;
  std::string message_;
};

// A value or the Status saying why there is none.
template <typename T>
class [[nodiscard]] Result {
 public:
  Result(T value) : v_(std::move(value)) {}  // NOLINT: implicit by design
  Result(Status status) : v_(std::move(status)) {  // NOLINT: implicit by design
    if (std::get<Status>(v_).ok()) v_ = Status::internal("Result built from an OK status");
  }

  bool ok() const { return std::holds_alternative<T>(v_); }
  const Status& status() const {
    static const Status kOk;
    return ok() ? kOk : std::get<Status>(v_);
  }
  T& value() & { return std::get<T>(v_); }
  const T& value() const& { return std::get<T>(v_); }
  T&& value() && { return std::get<T>(std::move(v_)); }
  T* operator->() { return &value(); }
  const T* operator->() const { return &value(); }
  T& operator*() & { return value(); }
  const T& operator*() const& { return value(); }
  T value_or(T fallback) const& { return ok() ? value() : std::move(fallback); }

 private:
  std::variant<T, Status> v_;
};

}  // namespace carbonscope

#define CS_CONCAT_INNER(a, b) a##b
#define CS_CONCAT(a, b) CS_CONCAT_INNER(a, b)

// Returns the Status from the enclosing function if `expr` is not OK.
#define CS_RETURN_IF_ERROR(expr)                        \
  do {                                                  \
    ::carbonscope::Status cs_status_ = (expr);          \
    if (!cs_status_.ok()) return cs_status_;            \
  } while (0)

// `CS_ASSIGN_OR_RETURN(auto x, make_x());` unwraps a Result or returns its Status.
#define CS_ASSIGN_OR_RETURN(lhs, expr) CS_ASSIGN_OR_RETURN_IMPL(CS_CONCAT(cs_result_, __LINE__), lhs, expr)
#define CS_ASSIGN_OR_RETURN_IMPL(tmp, lhs, expr) \
  auto tmp = (expr);                             \
  if (!tmp.ok()) return tmp.status();            \
  lhs = std::move(tmp).value()

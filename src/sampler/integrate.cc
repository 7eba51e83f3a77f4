// Counter differences with wraparound.
#include "sampler/integrate.h"

#include <fmt/format.h>

namespace carbonscope {

Result<std::uint64_t> counter_delta(std::uint64_t prev, std::uint64_t cur, std::uint64_t wrap) {
  if (wrap != 0 && cur >= wrap) {
    return Status::data_error(fmt::format("counter value {} is above its range [0, {}): not a real reading", cur, wrap));
  }
  if (cur >= prev) return cur - prev;
  if (wrap == 0) {
    return Status::data_error(fmt::format("counter went backwards ({} -> {}) and does not wrap", prev, cur));
  }
  if (prev >= wrap) {
    return Status::data_error(fmt::format("counter value {} is outside its range [0, {})", prev, wrap));
  }
  const std::uint64_t delta = (wrap - prev) + cur;
  if (delta > wrap / 2) {
    return Status::data_error(fmt::format("counter went backwards ({} -> {}); not a wrap of range {}", prev, cur, wrap));
  }
  return delta;
}

}  // namespace carbonscope

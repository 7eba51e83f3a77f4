// Status and Result behaviour, including the helper macros.
#include "carbonscope/status.h"

#include <gtest/gtest.h>

namespace carbonscope {
namespace {

Result<int> half(int x) {
  if (x % 2 != 0) return Status::invalid_argument("odd");
  return x / 2;
}

Result<int> quarter(int x) {
  CS_ASSIGN_OR_RETURN(int h, half(x));
  return half(h);
}

TEST(Status, ResultCarriesValueOrError) {
  EXPECT_EQ(*quarter(8), 2);
  const auto r = quarter(6);
  ASSERT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument);
  EXPECT_EQ(r.status().to_string(), "invalid argument: odd");
}

TEST(Status, ContextPrefixesMessage) {
  const Status s = Status::not_found("no such GPU").with_context("--gpu");
  EXPECT_EQ(s.message(), "--gpu: no such GPU");
  EXPECT_TRUE(Status().with_context("x").ok());
}

TEST(Status, ResultFromOkStatusIsAnError) {
  Result<int> r{Status()};
  EXPECT_FALSE(r.ok());
  EXPECT_EQ(r.status().code(), StatusCode::kInternal);
}

}  // namespace
}  // namespace carbonscope

// escape_utf8: valid text unchanged, invalid bytes as \xHH, and the result always
// accepted by the JSON serializer (a property over random bytes, fixed seed).
#include "carbonscope/utf8.h"

#include <random>

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

namespace carbonscope {
namespace {

TEST(Utf8, ValidTextIsUnchanged) {
  for (const std::string s : {"", "plain", "caf\xc3\xa9", "\xe2\x82\xac 5", "\xf0\x9f\x8c\x8d", "a\\xffb"}) {
    EXPECT_TRUE(is_valid_utf8(s)) << s;
    EXPECT_EQ(escape_utf8(s), s);
  }
}

TEST(Utf8, InvalidBytesAreEscaped) {
  EXPECT_EQ(escape_utf8("\xff"), "\\xff");
  EXPECT_EQ(escape_utf8("a\xff" "b"), "a\\xffb");
  EXPECT_EQ(escape_utf8("\xc3"), "\\xc3");                  // truncated sequence
  EXPECT_EQ(escape_utf8("\xc0\xaf"), "\\xc0\\xaf");         // overlong '/'
  EXPECT_EQ(escape_utf8("\xed\xa0\x80"), "\\xed\\xa0\\x80");  // a surrogate
  EXPECT_EQ(escape_utf8("\xf4\x90\x80\x80"), "\\xf4\\x90\\x80\\x80");  // above U+10FFFF
  EXPECT_EQ(escape_utf8("\xe2\x82\xac\x80"), "\xe2\x82\xac\\x80");  // valid part kept
  EXPECT_FALSE(is_valid_utf8("\xff"));
}

TEST(Utf8, EscapedTextAlwaysSerialises) {
  std::mt19937 rng(20261202);
  std::uniform_int_distribution<int> len(0, 12), byte(0, 255);
  for (int i = 0; i < 5000; ++i) {
    std::string s(static_cast<std::size_t>(len(rng)), '\0');
    for (char& c : s) c = static_cast<char>(byte(rng));
    const std::string e = escape_utf8(s);
    ASSERT_TRUE(is_valid_utf8(e));
    ASSERT_NO_THROW((void)nlohmann::json(e).dump()) << i;
    bool json_accepts = true;
    try {
      (void)nlohmann::json(s).dump();
    } catch (const nlohmann::json::exception&) {
      json_accepts = false;
    }
    ASSERT_EQ(json_accepts, is_valid_utf8(s)) << i;  // the same rules as the serializer
    if (json_accepts) {
      ASSERT_EQ(e, s);
    }
  }
}

}  // namespace
}  // namespace carbonscope

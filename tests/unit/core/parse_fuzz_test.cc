// Every quantity parser on seeded random text (digits, unit letters, punctuation and
// arbitrary bytes): it answers ok or kInvalidArgument, never crashes, and what it
// accepts is finite and in its range.
#include <cmath>
#include <random>
#include <string>

#include <gtest/gtest.h>

#include "carbonscope/parse.h"

namespace carbonscope {
namespace {

std::string random_text(std::mt19937& rng) {
  static const std::string kAlphabet = "0123456789.-+e:% mMkKgGtTwWhHjJsSdDbBlLiIn/\t";
  const int n = std::uniform_int_distribution<int>(0, 12)(rng);
  std::string s;
  for (int i = 0; i < n; ++i) {
    if (std::uniform_int_distribution<int>(0, 7)(rng) == 0) {
      s += static_cast<char>(std::uniform_int_distribution<int>(0, 255)(rng));  // any byte, non-UTF-8 included
    } else {
      s += kAlphabet[std::uniform_int_distribution<std::size_t>(0, kAlphabet.size() - 1)(rng)];
    }
  }
  return s;
}

template <typename T>
void expect_sane(const Result<T>& r, const std::string& text) {
  if (!r.ok()) {
    EXPECT_EQ(r.status().code(), StatusCode::kInvalidArgument) << text;
    EXPECT_FALSE(r.status().message().empty()) << text;
  }
}

TEST(ParseFuzz, RandomTextNeverCrashesAndAcceptedValuesAreSane) {
  std::mt19937 rng(12021226);
  for (int i = 0; i < 20000; ++i) {
    const std::string t = random_text(rng);
    const auto p = parse_power(t);
    expect_sane(p, t);
    if (p.ok()) {
      EXPECT_TRUE(p->watts() > 0 && std::isfinite(p->watts())) << t;
    }
    const auto e = parse_energy(t);
    expect_sane(e, t);
    if (e.ok()) {
      EXPECT_TRUE(e->joules() > 0 && std::isfinite(e->joules())) << t;
    }
    const auto d = parse_duration(t);
    expect_sane(d, t);
    if (d.ok()) {
      EXPECT_TRUE(d->count() > 0 && std::isfinite(d->count())) << t;
    }
    const auto ci = parse_intensity(t);
    expect_sane(ci, t);
    if (ci.ok()) {
      EXPECT_TRUE(ci->g_per_kwh() >= 0 && std::isfinite(ci->g_per_kwh())) << t;
    }
    const auto m = parse_emissions(t);
    expect_sane(m, t);
    if (m.ok()) {
      EXPECT_TRUE(m->grams() >= 0 && std::isfinite(m->grams())) << t;
    }
    const auto f = parse_fraction(t);
    expect_sane(f, t);
    if (f.ok()) {
      EXPECT_TRUE(*f > 0 && *f <= 1) << t;
    }
    const auto c = parse_scaled_count(t);
    expect_sane(c, t);
    if (c.ok()) {
      EXPECT_TRUE(*c > 0 && std::isfinite(*c)) << t;
    }
    const auto g = parse_memory_gb(t);
    expect_sane(g, t);
    if (g.ok()) {
      EXPECT_TRUE(*g > 0 && std::isfinite(*g)) << t;
    }
    expect_sane(parse_count(t), t);
    expect_sane(parse_number(t), t);
  }
}

}  // namespace
}  // namespace carbonscope

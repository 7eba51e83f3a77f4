// Physical quantities as types: only meaningful arithmetic compiles (Power x Duration
// -> Energy, Energy x CarbonIntensity -> Emissions), and values leave through named
// accessors (.kwh(), .kg()). Model: Kepler's typed units.
#pragma once

#include <chrono>
#include <compare>

namespace carbonscope {

// Seconds as a double: what every duration in carbonscope is measured in.
using Duration = std::chrono::duration<double>;

inline constexpr double kJoulesPerKwh = 3.6e6;
inline constexpr double kKgPerLb = 0.45359237;

// Arithmetic shared by every quantity: sums, scaling and ratios of the same kind.
template <typename Q>
class Quantity {
 public:
  constexpr Quantity() = default;
  friend constexpr Q operator+(Q a, Q b) { return Q::from_base(a.v_ + b.v_); }
  friend constexpr Q operator-(Q a, Q b) { return Q::from_base(a.v_ - b.v_); }
  friend constexpr Q operator*(Q a, double k) { return Q::from_base(a.v_ * k); }
  friend constexpr Q operator*(double k, Q a) { return Q::from_base(a.v_ * k); }
  friend constexpr Q operator/(Q a, double k) { return Q::from_base(a.v_ / k); }
  friend constexpr double operator/(Q a, Q b) { return a.v_ / b.v_; }
  constexpr Q& operator+=(Q b) { v_ += b.v_; return self(); }
  constexpr Q& operator-=(Q b) { v_ -= b.v_; return self(); }
  friend constexpr bool operator==(Q a, Q b) { return a.v_ == b.v_; }
  friend constexpr auto operator<=>(Q a, Q b) { return a.v_ <=> b.v_; }

 protected:
  static constexpr Q make(double base) { Q q; q.v_ = base; return q; }
  constexpr double base() const { return v_; }

 private:
  friend Q;
  constexpr Q& self() { return static_cast<Q&>(*this); }
  double v_ = 0.0;
};

class Energy : public Quantity<Energy> {
 public:
  static constexpr Energy from_base(double j) { return make(j); }
  static constexpr Energy joules(double v) { return make(v); }
  static constexpr Energy wh(double v) { return make(v * 3600.0); }
  static constexpr Energy kwh(double v) { return make(v * kJoulesPerKwh); }
  static constexpr Energy mwh(double v) { return make(v * kJoulesPerKwh * 1e3); }
  constexpr double joules() const { return base(); }
  constexpr double wh() const { return base() / 3600.0; }
  constexpr double kwh() const { return base() / kJoulesPerKwh; }
  constexpr double mwh() const { return base() / (kJoulesPerKwh * 1e3); }
};

class Power : public Quantity<Power> {
 public:
  static constexpr Power from_base(double w) { return make(w); }
  static constexpr Power watts(double v) { return make(v); }
  static constexpr Power kilowatts(double v) { return make(v * 1e3); }
  constexpr double watts() const { return base(); }
  constexpr double kilowatts() const { return base() / 1e3; }
};

// Grams of CO2-equivalent per kWh of electricity.
class CarbonIntensity : public Quantity<CarbonIntensity> {
 public:
  static constexpr CarbonIntensity from_base(double g) { return make(g); }
  static constexpr CarbonIntensity g_per_kwh(double v) { return make(v); }
  static constexpr CarbonIntensity kg_per_kwh(double v) { return make(v * 1e3); }
  static constexpr CarbonIntensity lb_per_kwh(double v) { return make(v * kKgPerLb * 1e3); }
  constexpr double g_per_kwh() const { return base(); }
  constexpr double kg_per_kwh() const { return base() / 1e3; }
  constexpr double lb_per_kwh() const { return base() / (kKgPerLb * 1e3); }
};

// Mass of CO2-equivalent emitted.
class Emissions : public Quantity<Emissions> {
 public:
  static constexpr Emissions from_base(double g) { return make(g); }
  static constexpr Emissions grams(double v) { return make(v); }
  static constexpr Emissions kg(double v) { return make(v * 1e3); }
  static constexpr Emissions tonnes(double v) { return make(v * 1e6); }
  static constexpr Emissions lb(double v) { return make(v * kKgPerLb * 1e3); }
  constexpr double grams() const { return base(); }
  constexpr double kg() const { return base() / 1e3; }
  constexpr double tonnes() const { return base() / 1e6; }
  constexpr double lb() const { return base() / (kKgPerLb * 1e3); }
};

// A count of floating-point operations.
class Flops : public Quantity<Flops> {
 public:
  static constexpr Flops from_base(double f) { return make(f); }
  static constexpr Flops count(double v) { return make(v); }
  constexpr double count() const { return base(); }
};

// Floating-point operations per second.
class FlopRate : public Quantity<FlopRate> {
 public:
  static constexpr FlopRate from_base(double f) { return make(f); }
  static constexpr FlopRate per_second(double v) { return make(v); }
  static constexpr FlopRate tflops(double v) { return make(v * 1e12); }
  constexpr double per_second() const { return base(); }
  constexpr double tflops() const { return base() / 1e12; }
};

constexpr Energy operator*(Power p, Duration d) { return Energy::joules(p.watts() * d.count()); }
constexpr Energy operator*(Duration d, Power p) { return p * d; }
constexpr Power operator/(Energy e, Duration d) { return Power::watts(e.joules() / d.count()); }
constexpr Duration operator/(Energy e, Power p) { return Duration(e.joules() / p.watts()); }
constexpr Emissions operator*(Energy e, CarbonIntensity ci) { return Emissions::grams(e.kwh() * ci.g_per_kwh()); }
constexpr Emissions operator*(CarbonIntensity ci, Energy e) { return e * ci; }
constexpr CarbonIntensity operator/(Emissions m, Energy e) { return CarbonIntensity::g_per_kwh(m.grams() / e.kwh()); }
constexpr Duration operator/(Flops f, FlopRate r) { return Duration(f.count() / r.per_second()); }

constexpr double hours(Duration d) { return d.count() / 3600.0; }
constexpr Duration from_hours(double h) { return Duration(h * 3600.0); }

}  // namespace carbonscope

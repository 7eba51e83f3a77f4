// The default MFU of a compute-based estimate, from published training reports
// (data/mfu.csv), and the mixture-of-experts models whose total size misleads 6ND.
#include <algorithm>
#include <cctype>
#include <cmath>

#include <fmt/format.h>

#include "carbonscope/compute.h"

namespace carbonscope {
namespace {

std::string lower(std::string_view s) {
  std::string out(s);
  for (char& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool applies_to(const MfuEvidence& e, const Accelerator& a) {
  const std::string name = lower(a.name);
  return std::any_of(e.hardware.begin(), e.hardware.end(),
                     [&](const std::string& h) { return name.find(lower(h)) != std::string::npos; });
}

std::string sources_of(const std::vector<const MfuEvidence*>& rows) {
  std::vector<std::string> ids;
  for (const MfuEvidence* e : rows) {
    if (std::find(ids.begin(), ids.end(), e->source_id) == ids.end()) ids.push_back(e->source_id);
  }
  return fmt::format("{}", fmt::join(ids, "|"));
}

std::string pct(double v) { return fmt::format("{:.1f}%", v * 100); }

}  // namespace

Result<MfuFigure> mfu_from_evidence(const DataSet& data, const Accelerator& a, std::optional<double> params) {
  std::vector<const MfuEvidence*> all, same;
  for (const MfuEvidence& e : data.mfu_evidence()) {
    all.push_back(&e);
    if (applies_to(e, a)) same.push_back(&e);
  }
  if (all.empty()) {
    return Status::data_error("the data tables have no MFU evidence (mfu.csv); give --mfu, or the time instead");
  }
  const auto by_mfu = [](const MfuEvidence* x, const MfuEvidence* y) { return x->mfu < y->mfu; };
  const auto spread = [](const std::vector<const MfuEvidence*>& rows) {
    double lo = rows.front()->low, hi = rows.front()->high;
    for (const MfuEvidence* e : rows) {
      lo = std::min(lo, e->low);
      hi = std::max(hi, e->high);
    }
    return std::pair{lo, hi};
  };
  const auto [all_lo, all_hi] = spread(all);
  // Reports give the MFU while the job runs; device-hours also hold restarts and lost
  // work, so the range's low end is scaled by the lowest published goodput.
  const Constant* g = data.constant("training_goodput");
  const double goodput = g != nullptr ? g->low : 1.0;
  const std::string goodput_text =
      g != nullptr && g->low < 1 ? fmt::format(" x {:.0f}% goodput at the low end [{}]", g->low * 100, g->source_id)
                                 : "";
  MfuFigure m;
  if (same.empty()) {
    std::vector<const MfuEvidence*> sorted = all;
    std::sort(sorted.begin(), sorted.end(), by_mfu);
    const std::size_t n = sorted.size();
    const double median = n % 2 ? sorted[n / 2]->mfu : (sorted[n / 2 - 1]->mfu + sorted[n / 2]->mfu) / 2;
    m.value = Range<double>::of(median, std::min(all_lo * goodput, median), std::max(all_hi, median));
    m.evidence = fmt::format("no published MFU for {}: the median of all {} reports", a.name, n);
    m.provenance = {Method::kDefault, sources_of(sorted),
                    fmt::format("MFU {} ({} to {}): {}{}", pct(m.value.central), pct(m.value.low),
                                pct(m.value.high), m.evidence, goodput_text),
                    "", 0};
    return m;
  }
  const MfuEvidence* chosen = nullptr;
  if (params && *params > 0) {
    const double size = std::log(*params / 1e9);
    for (const MfuEvidence* e : same) {
      if (chosen == nullptr || std::fabs(std::log(e->params_b) - size) < std::fabs(std::log(chosen->params_b) - size))
        chosen = e;
    }
  } else {
    std::vector<const MfuEvidence*> sorted = same;
    std::sort(sorted.begin(), sorted.end(), by_mfu);
    chosen = sorted[(sorted.size() - 1) / 2];
  }
  const bool own_spread = same.size() >= kMfuReportsForASpread;
  auto [lo, hi] = own_spread ? spread(same) : std::pair{all_lo, all_hi};
  lo = std::min(lo, chosen->low) * goodput;
  hi = std::max(hi, chosen->high);
  m.value = Range<double>::of(chosen->mfu, lo, hi);
  m.evidence_id = chosen->id;
  m.evidence = fmt::format("{} on {} ({})", chosen->model, chosen->hardware.front(), chosen->id);
  const std::string range_from =
      own_spread ? fmt::format("the spread of the {} reports on {}", same.size(), chosen->hardware.front())
                 : fmt::format("{} report{} on {}, so the spread of all {} reports", same.size(),
                               same.size() == 1 ? "" : "s", chosen->hardware.front(), all.size());
  // The first id is the chosen report's source; the others supply the range.
  std::vector<const MfuEvidence*> cited = {chosen};
  for (const MfuEvidence* e : own_spread ? same : all) cited.push_back(e);
  m.provenance = {Method::kDefault, sources_of(cited),
                  fmt::format("MFU {} of {}{}; range {} to {}, {}{}", pct(chosen->mfu), m.evidence,
                              params ? ", the report nearest in model size" : "", pct(lo), pct(hi), range_from,
                              goodput_text),
                  "", 0};
  return m;
}

MfuFigure given_mfu(double mfu, const std::string& how) {
  MfuFigure m;
  m.value = Range<double>::exact(mfu);
  m.provenance = {Method::kGiven, "", how, "", 0};
  return m;
}

const MoeModel* moe_with_total(const DataSet& data, double params) {
  for (const MoeModel& m : data.moe_models()) {
    if (std::fabs(params / 1e9 - m.total_params_b) <= 0.005 * m.total_params_b) return &m;
  }
  return nullptr;
}

}  // namespace carbonscope

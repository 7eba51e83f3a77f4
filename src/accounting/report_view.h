// ReportView: the figures of a ReportBundle (carbonscope/report_bundle.h), computed once
// when the bundle is rendered: the totals of its runs, their SCI score, the same
// facility energy in other regions and the everyday equivalents of its emissions.
// Every renderer (text, md, latex, model card, sci, html, json, the dashboard's pages)
// reads them here and computes none of them. Other regions are `Alternative`s and
// equivalents `EquivalentValue`s, the types an estimate's use (carbonscope/location.h,
// carbonscope/estimate_request.h).
#pragma once

#include <vector>

#include "accounting/report_totals.h"
#include "accounting/sci.h"
#include "carbonscope/estimate_request.h"
#include "carbonscope/location.h"
#include "carbonscope/report_bundle.h"

namespace carbonscope {

struct ReportView {
  const ReportBundle& bundle;  // outlives the view
  RunTotals totals;            // compute_totals(bundle.runs)
  SciScore sci;                // compute_sci(totals, bundle.sci)
  // The regions to compare with, among bundle.regions: a cloud bundle's (every run on
  // one provider) that provider's regions, else the countries; never a run's own
  // region; cleanest first, at most 10 (an even spread from the cleanest to the
  // dirtiest). Each holds the emissions of the totals' facility energy there
  // (emissions_of at PUE 1: the facility energy holds the PUE), the region's name as
  // its label and the intensity's source text as its provenance detail.
  std::vector<Alternative> regions;
  bool provider_regions = false;  // the regions are the runs' cloud provider's
  // The equivalents of the totals' emissions among bundle.equivalents (pointing into
  // it) whose amount reads sensibly (is_readable_amount), in the bundle's order.
  std::vector<EquivalentValue> equivalents;
};

ReportView build_report_view(const ReportBundle& bundle);
ReportView build_report_view(ReportBundle&&) = delete;  // the view refers to its bundle

}  // namespace carbonscope

// ReportBundle: everything a report renderer needs, gathered by the caller (CLI or
// dashboard) so renderers stay pure: the runs, their power series, comparison regions,
// everyday equivalents and SCI inputs. Facts (intensities, factors) come in as data;
// the figures made of them (totals, SCI, the emissions in other regions, the amounts
// of the equivalents) are computed once per rendering, from the bundle.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "carbonscope/counterfactual_figures.h"
#include "carbonscope/data.h"
#include "carbonscope/ledger.h"
#include "carbonscope/report.h"
#include "carbonscope/sci.h"
#include "carbonscope/version.h"

namespace carbonscope {

// A candidate for "what if the same energy had been drawn in REGION": a grid intensity
// and its source. A cloud region names its provider ("aws"); a country or grid zone has
// none. A report shows those it picks as an `Alternative` (carbonscope/location.h, as
// an estimate's other regions), with the emissions of its facility energy there.
struct RegionIntensity {
  std::string region;
  CarbonIntensity intensity;
  std::string source;
  std::string provider;
};

struct ReportBundle {
  std::vector<Report> runs;                                // oldest first
  std::map<std::string, std::vector<PowerSample>> samples;  // by run id
  // The same job at the best start and place (by run id; gathered with the hourly data).
  std::map<std::string, Counterfactual> counterfactuals;
  // Candidates for "other regions": countries, and cloud regions that a cloud run is
  // compared with instead (a report picks among them).
  std::vector<RegionIntensity> regions;
  // Everyday equivalents to show (rows of data/equivalents.csv: name, unit, kg CO2e
  // per unit, source); a report shows those whose amount reads sensibly, each as an
  // `EquivalentValue` (carbonscope/estimate_request.h, as an estimate's).
  std::vector<Equivalent> equivalents;
  SciInput sci;
  std::string training_type;  // model card: "pre-training", "fine-tuning", or ""
  std::string tool = "carbonscope " + std::string(version());
  // Method notes (formulas, run ids, hints, recorded notes): always in text, in md,
  // latex and html only when asked (`report --notes`); the dashboard shows them.
  bool method_notes = false;
  std::size_t text_width = 80;  // columns of the text format
};

// Runs from the ledger into `b`, each with its power series, the one way `report` and
// the dashboard gather them: by id (in the order given), or those `filter` matches.
Status gather_runs(const Ledger& ledger, const std::vector<std::string>& ids, ReportBundle& b);
Status gather_runs(const Ledger& ledger, const RunFilter& filter, ReportBundle& b);

}  // namespace carbonscope

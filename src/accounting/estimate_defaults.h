// The defaults an estimate takes when the person did not give a figure, each from
// evidence in data/ and with its range: the facility's PUE for a job that is clearly in a
// data centre, the spread of a grid figure across neighbouring vintages, the year of a
// --date, and the host a bare accelerator estimate leaves out.
#pragma once

#include <optional>
#include <string>

#include "accounting/estimate_request.h"

namespace carbonscope {

// True for a job no desktop runs: a server (--instance, --node), more than 8
// accelerators, or more than one device-year of accelerator time.
bool clearly_in_data_centre(const EstimateSpec& spec);

// The PUE for --pue-source ("" = auto, "industry", "provider", "none") when no --pue was
// given: auto keeps a cloud region's or provider's figure, takes the industry average
// (with the range from hyperscale fleets to the survey's high) for a data-centre job
// elsewhere, and 1.0 for a private machine.
Result<PueFigure> choose_pue(const DataSet& data, const EstimateRequest& request, const EstimateSpec& spec,
                             const Location& location, std::vector<std::string>& notes);

// `figure` widened to the spread of the same zone's (or cloud region's) figures one year
// before and after; a figure with no neighbour borrows the relative spread of its zone's,
// else its parent zones', series around that year; unchanged for a given intensity.
IntensityFigure with_vintage_spread(const DataSet& data, const Location& location, IntensityFigure figure);

// The year of "2019", "2019-06" or "2019-06-15"; kInvalidArgument otherwise.
Result<int> year_of_date(const std::string& date, ArgStyle style);

// An electricity price per kWh: "0.12/kWh", "0.12 per kWh", "120/MWh" or "0.12"; the
// currency is whatever the person uses (no conversion).
Result<double> parse_price(const std::string& text, ArgStyle style);

// Whether the host is in the estimate and, for a bare accelerator estimate, the IT energy
// --whole-node would add. Default for --gpu alone: not counted (docs/methodology-estimate.md).
HostCoverage host_coverage(const DataSet& data, const EstimateRequest& request, const EstimateSpec& spec,
                           const Instance* machine);
// "host not counted" note with the energy --whole-node would add (or the TPU's host
// share); empty when the host is counted or does not apply.
std::string host_note(const HostCoverage& host);

}  // namespace carbonscope

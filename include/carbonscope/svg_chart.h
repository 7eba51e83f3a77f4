// Charts drawn as inline SVG (no scripts, no fonts to fetch): a line chart of series
// over time and a horizontal bar chart. Used by the HTML report and the dashboard.
// Pure: data in, markup out; every label is escaped.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace carbonscope {

struct ChartSeries {
  std::string name;
  std::vector<std::pair<double, double>> points;  // (x, y), x ascending
};

struct ChartBar {
  std::string label;
  double value = 0;
  std::string value_text;  // printed at the end of the bar
  bool highlight = false;
};

// One mark of a point chart: (x, y), the group it belongs to (its colour), filled or
// hollow, and a tooltip.
struct ChartPoint {
  double x = 0;
  double y = 0;
  std::size_t group = 0;
  bool hollow = false;
  std::string tooltip;
};

// Escapes &, <, >, " and ' for HTML text and attributes.
std::string html_escape(std::string_view s);

// Power-over-time style chart. Long series are thinned to about 600 points each.
std::string svg_line_chart(const std::vector<ChartSeries>& series, std::string_view title,
                           std::string_view x_label, std::string_view y_label);
std::string svg_bar_chart(const std::vector<ChartBar>& bars, std::string_view title);
// Points coloured by group (legend `groups`), filled or hollow (legend `filled_label`,
// `hollow_label`); a logarithmic y axis when the values span more than 100 times.
std::string svg_point_chart(const std::vector<ChartPoint>& points, const std::vector<std::string>& groups,
                            std::string_view title, std::string_view x_label, std::string_view y_label,
                            std::string_view filled_label, std::string_view hollow_label);

}  // namespace carbonscope

// SVG line and bar charts with "nice" axis ticks.
#include "carbonscope/svg_chart.h"

#include <algorithm>
#include <cmath>

#include <fmt/format.h>


namespace carbonscope {
namespace {

constexpr const char* kPalette[] = {"#1b7f5f", "#d9822b", "#3b6fb6", "#b5485d", "#7a5cb8", "#5f6b73"};
constexpr std::size_t kMaxPoints = 600;

// Rounds a span up to 1, 2 or 5 x 10^k for axis ticks.
double nice_step(double span, int ticks) {
  if (span <= 0) return 1;
  const double raw = span / ticks;
  const double mag = std::pow(10.0, std::floor(std::log10(raw)));
  for (double m : {1.0, 2.0, 5.0, 10.0}) {
    if (raw <= m * mag) return m * mag;
  }
  return 10 * mag;
}

std::string svg_open(int width, int height, std::string_view title) {
  return fmt::format(
      "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 {0} {1}\" width=\"{0}\" "
      "height=\"{1}\" role=\"img\" aria-label=\"{2}\" font-family=\"sans-serif\" font-size=\"12\">\n"
      "<title>{2}</title>\n<text x=\"8\" y=\"18\" font-size=\"14\" font-weight=\"bold\">{2}</text>\n",
      width, height, html_escape(title));
}

}  // namespace

std::string html_escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default: out += c;
    }
  }
  return out;
}

std::string svg_line_chart(const std::vector<ChartSeries>& series, std::string_view title,
                           std::string_view x_label, std::string_view y_label) {
  constexpr int kW = 720, kH = 300, kLeft = 64, kRight = 150, kTop = 32, kBottom = 44;
  constexpr int kPlotW = kW - kLeft - kRight, kPlotH = kH - kTop - kBottom;
  double x_max = 0, y_max = 0, x_min = 0;
  bool any = false;
  for (const auto& s : series) {
    for (const auto& [x, y] : s.points) {
      x_min = any ? std::min(x_min, x) : x;
      x_max = any ? std::max(x_max, x) : x;
      y_max = std::max(y_max, y);
      any = true;
    }
  }
  std::string out = svg_open(kW, kH, title);
  if (!any) {
    return out + fmt::format("<text x=\"{}\" y=\"{}\">no samples recorded</text>\n</svg>\n", kLeft, kTop + 40);
  }
  const double y_step = nice_step(y_max, 5);
  const double y_top = std::max(y_step, std::ceil(y_max / y_step) * y_step);
  const double x_span = x_max > x_min ? x_max - x_min : 1;
  auto px = [&](double x) { return kLeft + (x - x_min) / x_span * kPlotW; };
  auto py = [&](double y) { return kTop + kPlotH - y / y_top * kPlotH; };
  // Grid and axes.
  for (double y = 0; y <= y_top + y_step / 2; y += y_step) {
    out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>"
                       "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       kLeft, py(y), kLeft + kPlotW, py(y), kLeft - 6, py(y) + 4, fmt::format("{:g}", y));
  }
  const double x_step = nice_step(x_span, 6);
  for (double x = std::ceil(x_min / x_step) * x_step; x <= x_max + 1e-9; x += x_step) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", px(x),
                       kTop + kPlotH + 16, fmt::format("{:g}", x));
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>"
                     "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                     kLeft, kTop, kTop + kPlotH, kLeft + kPlotW);
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", kLeft + kPlotW / 2, kH - 8,
                     html_escape(x_label));
  out += fmt::format("<text x=\"14\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {0})\">{1}</text>\n",
                     kTop + kPlotH / 2, html_escape(y_label));
  for (std::size_t i = 0; i < series.size(); ++i) {
    const auto& s = series[i];
    const char* colour = kPalette[i % std::size(kPalette)];
    const std::size_t stride = std::max<std::size_t>(1, (s.points.size() + kMaxPoints - 1) / kMaxPoints);
    std::string pts;
    for (std::size_t k = 0; k < s.points.size(); k += stride) {
      pts += fmt::format("{}{:.1f},{:.1f}", pts.empty() ? "" : " ", px(s.points[k].first), py(s.points[k].second));
    }
    if (s.points.size() == 1) pts += fmt::format(" {:.1f},{:.1f}", px(s.points[0].first) + 2, py(s.points[0].second));
    out += fmt::format("<polyline class=\"series\" fill=\"none\" stroke=\"{}\" stroke-width=\"2\" points=\"{}\"/>\n",
                       colour, pts);
    const int ly = kTop + 12 + static_cast<int>(i) * 18;
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"12\" height=\"4\" fill=\"{}\"/>"
                       "<text x=\"{}\" y=\"{}\">{}</text>\n",
                       kLeft + kPlotW + 12, ly - 4, colour, kLeft + kPlotW + 30, ly, html_escape(s.name));
  }
  return out + "</svg>\n";
}

std::string svg_bar_chart(const std::vector<ChartBar>& bars, std::string_view title) {
  constexpr int kW = 720, kLabelW = 200, kValueW = 150, kRow = 24, kTop = 30;
  const int height = kTop + static_cast<int>(bars.size()) * kRow + 10;
  std::string out = svg_open(kW, height, title);
  double max = 0;
  for (const auto& b : bars) max = std::max(max, b.value);
  const double bar_w = kW - kLabelW - kValueW - 16;
  for (std::size_t i = 0; i < bars.size(); ++i) {
    const auto& b = bars[i];
    const int y = kTop + static_cast<int>(i) * kRow;
    const double w = max > 0 ? std::max(1.0, b.value / max * bar_w) : 1.0;
    out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"end\"{}>{}</text>", kLabelW - 8, y + 16,
                       b.highlight ? " font-weight=\"bold\"" : "", html_escape(b.label));
    out += fmt::format("<rect class=\"bar\" x=\"{}\" y=\"{}\" width=\"{:.1f}\" height=\"{}\" fill=\"{}\"/>", kLabelW, y + 4,
                       w, kRow - 8, b.highlight ? kPalette[1] : kPalette[0]);
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\">{}</text>\n", kLabelW + w + 6, y + 16, html_escape(b.value_text));
  }
  return out + "</svg>\n";
}

std::string svg_point_chart(const std::vector<ChartPoint>& points, const std::vector<std::string>& groups,
                            std::string_view title, std::string_view x_label, std::string_view y_label,
                            std::string_view filled_label, std::string_view hollow_label) {
  constexpr int kW = 720, kLeft = 64, kRight = 170, kTop = 32, kBottom = 44;
  const int height = std::max(300, kTop + kBottom + 40 + static_cast<int>(groups.size() + 3) * 18);
  const int plot_w = kW - kLeft - kRight, plot_h = height - kTop - kBottom;
  std::string out = svg_open(kW, height, title);
  if (points.empty()) return out + "</svg>\n";
  double x_min = points[0].x, x_max = points[0].x, y_max = 0, y_min_pos = 0;
  for (const ChartPoint& p : points) {
    x_min = std::min(x_min, p.x);
    x_max = std::max(x_max, p.x);
    y_max = std::max(y_max, p.y);
    if (p.y > 0) y_min_pos = y_min_pos == 0 ? p.y : std::min(y_min_pos, p.y);
  }
  const bool log_y = y_min_pos > 0 && y_max / y_min_pos > 100;
  double lo = 0, hi = 0, y_step = 0;
  if (log_y) {
    lo = std::floor(std::log10(y_min_pos));
    hi = std::max(lo + 1, std::ceil(std::log10(y_max)));
  } else {
    y_step = nice_step(y_max, 5);
    hi = std::max(y_step, std::ceil(y_max / y_step) * y_step);
  }
  const double x_span = x_max > x_min ? x_max - x_min : 1;
  auto px = [&](double x) { return kLeft + (x - x_min) / x_span * plot_w; };
  auto py = [&](double y) {
    if (log_y) return kTop + plot_h - (std::log10(std::max(y, y_min_pos)) - lo) / (hi - lo) * plot_h;
    return kTop + plot_h - y / hi * plot_h;
  };
  const auto grid = [&](double y) {
    out += fmt::format("<line x1=\"{}\" y1=\"{:.1f}\" x2=\"{}\" y2=\"{:.1f}\" stroke=\"#ddd\"/>"
                       "<text x=\"{}\" y=\"{:.1f}\" text-anchor=\"end\">{}</text>\n",
                       kLeft, py(y), kLeft + plot_w, py(y), kLeft - 6, py(y) + 4, fmt::format("{:g}", y));
  };
  if (log_y) {
    for (double e = lo; e <= hi + 1e-9; e += 1) grid(std::pow(10.0, e));
  } else {
    for (double y = 0; y <= hi + y_step / 2; y += y_step) grid(y);
  }
  const double x_step = nice_step(x_span, 6);
  for (double x = std::ceil(x_min / x_step) * x_step; x <= x_max + 1e-9; x += x_step) {
    out += fmt::format("<text x=\"{:.1f}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", px(x), kTop + plot_h + 16,
                       fmt::format("{:g}", x));
  }
  out += fmt::format("<line x1=\"{0}\" y1=\"{1}\" x2=\"{0}\" y2=\"{2}\" stroke=\"#333\"/>"
                     "<line x1=\"{0}\" y1=\"{2}\" x2=\"{3}\" y2=\"{2}\" stroke=\"#333\"/>\n",
                     kLeft, kTop, kTop + plot_h, kLeft + plot_w);
  out += fmt::format("<text x=\"{}\" y=\"{}\" text-anchor=\"middle\">{}</text>\n", kLeft + plot_w / 2, height - 8,
                     html_escape(x_label));
  out += fmt::format("<text x=\"14\" y=\"{0}\" text-anchor=\"middle\" transform=\"rotate(-90 14 {0})\">{1}{2}</text>\n",
                     kTop + plot_h / 2, html_escape(y_label), log_y ? " (log scale)" : "");
  for (const ChartPoint& p : points) {
    const char* colour = kPalette[p.group % std::size(kPalette)];
    out += fmt::format("<circle class=\"point{}\" cx=\"{:.1f}\" cy=\"{:.1f}\" r=\"4.5\" fill=\"{}\" stroke=\"{}\" "
                       "stroke-width=\"2\"><title>{}</title></circle>\n",
                       p.hollow ? " hollow" : "", px(p.x), py(p.y), p.hollow ? "white" : colour, colour,
                       html_escape(p.tooltip));
  }
  const int lx = kLeft + plot_w + 14;
  int ly = kTop + 12;
  for (std::size_t i = 0; i < groups.size(); ++i, ly += 18) {
    out += fmt::format("<rect x=\"{}\" y=\"{}\" width=\"10\" height=\"10\" fill=\"{}\"/><text x=\"{}\" y=\"{}\">{}</text>\n",
                       lx, ly - 9, kPalette[i % std::size(kPalette)], lx + 16, ly, html_escape(groups[i]));
  }
  ly += 8;
  out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"#5f6b73\" stroke=\"#5f6b73\" stroke-width=\"2\"/>"
                     "<text x=\"{}\" y=\"{}\">{}</text>\n",
                     lx + 5, ly - 4, lx + 16, ly, html_escape(filled_label));
  ly += 18;
  out += fmt::format("<circle cx=\"{}\" cy=\"{}\" r=\"4.5\" fill=\"white\" stroke=\"#5f6b73\" stroke-width=\"2\"/>"
                     "<text x=\"{}\" y=\"{}\">{}</text>\n",
                     lx + 5, ly - 4, lx + 16, ly, html_escape(hollow_label));
  return out + "</svg>\n";
}

}  // namespace carbonscope

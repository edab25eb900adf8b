// Text escaping and a small inline-SVG writer for the demo's report (private to cli/).
// Everything the report shows passes through esc(): names, ids and messages come from data.
#pragma once

#include <string>
#include <string_view>

namespace cadrekit::cli {

/// Escapes text for HTML/SVG element content and double-quoted attribute values
/// (& < > " ' and the C0 controls other than tab/newline, which are dropped).
std::string esc(std::string_view text);

/// A fixed number in SVG user units ("12.5"); no locale, no exponent.
std::string num(double v);

/// An inline SVG drawing, built element by element. Each element may carry a tooltip: a
/// <title> child, shown on hover and read by screen readers.
class Svg {
 public:
  Svg(int width, int height, std::string_view label);
  /// A rectangle; `cls` is a CSS class (colours live in the page's style sheet).
  Svg &rect(double x, double y, double w, double h, std::string_view cls, std::string_view title = {});
  Svg &line(double x1, double y1, double x2, double y2, std::string_view cls);
  Svg &circle(double cx, double cy, double r, std::string_view cls, std::string_view title = {});
  /// Text; `anchor` is start|middle|end. `lang_cls` (e.g. "zh"/"en") hides it per language.
  Svg &text(double x, double y, std::string_view s, std::string_view anchor = "start",
            std::string_view cls = {});
  /// Two texts at the same place, one per language.
  Svg &text2(double x, double y, std::string_view zh, std::string_view en,
             std::string_view anchor = "start", std::string_view cls = {});
  std::string str() const;

 private:
  int width_, height_;
  std::string label_;
  std::string body_;
};

}  // namespace cadrekit::cli

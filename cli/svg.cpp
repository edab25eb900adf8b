#include "svg.hpp"

#include <cmath>
#include <cstdio>

namespace cadrekit::cli {

std::string esc(std::string_view text) {
  std::string out;
  out.reserve(text.size() + text.size() / 8);
  for (char c : text) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t') break;
        out += c;
    }
  }
  return out;
}

std::string num(double v) {
  if (!std::isfinite(v)) v = 0;
  char buf[32];
  std::snprintf(buf, sizeof buf, "%.1f", v);
  std::string s = buf;
  if (s.size() > 2 && s.compare(s.size() - 2, 2, ".0") == 0) s.resize(s.size() - 2);
  return s == "-0" ? "0" : s;
}

Svg::Svg(int width, int height, std::string_view label)
    : width_(width), height_(height), label_(label) {}

namespace {
std::string titled(std::string open, std::string_view title, std::string_view tag) {
  if (title.empty()) return open + "/>";
  return open + "><title>" + esc(title) + "</title></" + std::string(tag) + ">";
}
}  // namespace

Svg &Svg::rect(double x, double y, double w, double h, std::string_view cls, std::string_view title) {
  body_ += titled("<rect x=\"" + num(x) + "\" y=\"" + num(y) + "\" width=\"" + num(w) + "\" height=\"" +
                      num(h) + "\" class=\"" + esc(cls) + "\"",
                  title, "rect");
  return *this;
}

Svg &Svg::line(double x1, double y1, double x2, double y2, std::string_view cls) {
  body_ += "<line x1=\"" + num(x1) + "\" y1=\"" + num(y1) + "\" x2=\"" + num(x2) + "\" y2=\"" + num(y2) +
           "\" class=\"" + esc(cls) + "\"/>";
  return *this;
}

Svg &Svg::circle(double cx, double cy, double r, std::string_view cls, std::string_view title) {
  body_ += titled("<circle cx=\"" + num(cx) + "\" cy=\"" + num(cy) + "\" r=\"" + num(r) + "\" class=\"" +
                      esc(cls) + "\"",
                  title, "circle");
  return *this;
}

Svg &Svg::text(double x, double y, std::string_view s, std::string_view anchor, std::string_view cls) {
  body_ += "<text x=\"" + num(x) + "\" y=\"" + num(y) + "\" text-anchor=\"" + esc(anchor) + "\"" +
           (cls.empty() ? std::string() : " class=\"" + esc(cls) + "\"") + ">" + esc(s) + "</text>";
  return *this;
}

Svg &Svg::text2(double x, double y, std::string_view zh, std::string_view en, std::string_view anchor,
                std::string_view cls) {
  std::string c = cls.empty() ? std::string() : std::string(cls) + " ";
  text(x, y, zh, anchor, c + "zh");
  return text(x, y, en, anchor, c + "en");
}

std::string Svg::str() const {
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" viewBox=\"0 0 " + std::to_string(width_) +
         " " + std::to_string(height_) + "\" width=\"" + std::to_string(width_) + "\" height=\"" +
         std::to_string(height_) + "\" role=\"img\" aria-label=\"" + esc(label_) + "\">" + body_ + "</svg>";
}

}  // namespace cadrekit::cli

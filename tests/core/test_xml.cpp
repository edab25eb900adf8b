// The library's XML layer (src/core/xml.hpp): events and trees, encodings, and every limit and
// refusal of docs/limits.md (each a typed InvalidInput naming the limit).
#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "cadrekit/core/errors.hpp"
#include "core/xml.hpp"

using namespace cadrekit;

namespace {

std::string repeat(const std::string &s, std::size_t n) {
  std::string out;
  for (std::size_t i = 0; i < n; ++i) out += s;
  return out;
}

// The rule an input is refused for (the error's field), or "" when it parses.
std::string refusal(std::string_view bytes, const xml::Options &o = {}) {
  try {
    (void)xml::parse_document(bytes, o, "doc");
    return "";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.code(), ErrorCode::invalid_input);
    EXPECT_EQ(e.record(), "doc");
    return e.field();
  }
}

class Recorder final : public xml::Handler {
 public:
  std::vector<std::string> events;
  void start_element(std::string_view name, std::span<const xml::Attribute> attributes,
                     std::size_t line) override {
    std::string e = "<" + std::string(name) + "@" + std::to_string(line);
    for (const auto &a : attributes) e += " " + std::string(a.name) + "=" + std::string(a.value);
    events.push_back(e);
  }
  void end_element(std::string_view name) override { events.push_back("/" + std::string(name)); }
  void text(std::string_view piece) override {
    if (!events.empty() && events.back().rfind("'", 0) == 0) events.back() += piece;
    else events.push_back("'" + std::string(piece));
  }
};

TEST(Xml, ATreeOfElementsAttributesAndText) {
  const xml::Document d = xml::parse_document(
      "<?xml version=\"1.0\"?>\n<r a=\"1\" b='&lt;x&gt;'>\n  <c>one &amp; two</c><c/><d>&#x4E2D;&#25991;<![CDATA[<raw>]]></d>\n</r>");
  ASSERT_EQ(d.nodes.size(), 4u);
  const xml::Node &r = d.root();
  EXPECT_EQ(r.name, "r");
  EXPECT_EQ(r.line, 2u);
  ASSERT_EQ(r.attributes.size(), 2u);
  EXPECT_EQ(r.attributes[1], (std::pair<std::string, std::string>{"b", "<x>"}));
  ASSERT_EQ(r.children.size(), 3u);
  EXPECT_EQ(d[r.children[0]].text, "one & two");
  EXPECT_EQ(d[r.children[0]].parent, 0u);
  EXPECT_EQ(d[r.children[1]].text, "");
  EXPECT_EQ(d[r.children[2]].text, "中文<raw>");
  EXPECT_EQ(d.encoding.name, "utf-8");
  EXPECT_FALSE(d.encoding.assumed);
}

TEST(Xml, EventsInOrderAndNamespacesOnRequest) {
  const std::string doc =
      "<x:a xmlns:x=\"urn:x\" xmlns=\"urn:d\" x:k=\"v\"><b>t</b></x:a>";
  Recorder plain;
  xml::parse(doc, plain);
  EXPECT_EQ(plain.events, (std::vector<std::string>{"<x:a@1 xmlns:x=urn:x xmlns=urn:d x:k=v", "<b@1",
                                                    "'t", "/b", "/x:a"}));
  Recorder ns;
  xml::Options o;
  o.namespaces = true;
  xml::parse(doc, ns, o);
  EXPECT_EQ(ns.events, (std::vector<std::string>{"<{urn:x}a@1 {urn:x}k=v", "<{urn:d}b@1", "'t",
                                                 "/{urn:d}b", "/{urn:x}a"}));
}

TEST(Xml, AStreamInPiecesGivesTheSameEvents) {
  const std::string doc = "<r><c n=\"1\">一二三</c><c n=\"2\">四</c></r>";
  Recorder whole, pieces;
  xml::parse(doc, whole);
  xml::StreamParser p(pieces);
  for (char c : doc) p.feed(std::string_view(&c, 1));  // even mid-character
  p.finish();
  EXPECT_EQ(pieces.events, whole.events);
  Recorder cut;
  xml::StreamParser q(cut, {}, "sheet1.xml");
  q.feed("<r><c>");
  try {
    q.finish();
    ADD_FAILURE() << "an unclosed element must be refused";
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "xml");
    EXPECT_EQ(e.record(), "sheet1.xml");
  }
}

TEST(Xml, AHandlersErrorReachesTheCallerUnchanged) {
  class Throws final : public xml::Handler {
    void start_element(std::string_view name, std::span<const xml::Attribute>, std::size_t) override {
      if (name == "bad") throw InvalidInput("not here", "B17", "sheet1");
    }
    void end_element(std::string_view) override {}
    void text(std::string_view) override {}
  } h;
  try {
    xml::parse("<r><ok/><bad/><never/></r>", h);
    ADD_FAILURE();
  } catch (const InvalidInput &e) {
    EXPECT_EQ(e.field(), "B17");
    EXPECT_EQ(e.record(), "sheet1");
  }
}

TEST(Xml, DepthIsLimitedAndNeverRecursive) {
  EXPECT_EQ(refusal(repeat("<a>", 256) + repeat("</a>", 256)), "");
  EXPECT_EQ(refusal(repeat("<a>", 257) + repeat("</a>", 257)), "xml.max_depth");
  EXPECT_EQ(refusal(repeat("<a>", 50000) + repeat("</a>", 50000)), "xml.max_depth");
  // Even with the limit lifted, 200,000 levels build and free a tree without recursion.
  xml::Options deep;
  deep.limits.max_depth = 300000;
  const xml::Document d = xml::parse_document(repeat("<a>", 200000) + repeat("</a>", 200000), deep);
  EXPECT_EQ(d.nodes.size(), 200000u);
  EXPECT_EQ(d.nodes.back().parent, 199998u);
}

TEST(Xml, ElementsAttributesAndSizeAreLimited) {
  xml::Options o;
  o.limits.max_elements = 10;
  EXPECT_EQ(refusal("<r>" + repeat("<c/>", 9) + "</r>", o), "");
  EXPECT_EQ(refusal("<r>" + repeat("<c/>", 10) + "</r>", o), "xml.max_elements");
  std::string attrs;
  for (int i = 0; i < 256; ++i) attrs += " a" + std::to_string(i) + "=\"\"";
  EXPECT_EQ(refusal("<r" + attrs + "/>"), "");
  EXPECT_EQ(refusal("<r" + attrs + " z=\"\"/>"), "xml.max_attributes");
  o = {};
  o.limits.max_bytes = 100;
  EXPECT_EQ(refusal("<r>" + std::string(93, 'x') + "</r>", o), "");
  EXPECT_EQ(refusal("<r>" + std::string(94, 'x') + "</r>", o), "xml.max_bytes");
  const xml::Limits defaults;
  EXPECT_EQ(defaults.max_bytes, std::size_t{64} << 20);
  EXPECT_EQ(defaults.max_depth, 256u);
  EXPECT_EQ(defaults.max_elements, 1000000u);
  EXPECT_EQ(defaults.max_attributes, 256u);
  Recorder r;
  xml::StreamParser s(r, o);
  s.feed("<r>" + std::string(50, 'x'));
  EXPECT_THROW(s.feed(std::string(50, 'x') + "</r>"), InvalidInput);
}

TEST(Xml, DoctypeEntitiesAndCharacterReferencesAreRefused) {
  EXPECT_EQ(refusal("<!DOCTYPE r><r/>"), "xml.doctype");
  EXPECT_EQ(refusal("<!DOCTYPE r [<!ENTITY x \"y\">]><r>&x;</r>"), "xml.doctype");
  EXPECT_EQ(refusal("<!DOCTYPE r SYSTEM \"file:///etc/passwd\"><r/>"), "xml.doctype");
  EXPECT_EQ(refusal("<r>&x;</r>"), "xml.entity");
  EXPECT_EQ(refusal("<r>&#0;</r>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r>&#xD800;</r>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r>&#xDFFF;</r>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r>&#xFFFE;</r>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r>&#x110000;</r>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r>&#1;</r>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r a=\"&#0;\"/>"), "xml.char_ref");
  EXPECT_EQ(refusal("<r>&#9;&#xA;&#x10FFFF;</r>"), "");
  EXPECT_EQ(refusal(std::string("<r>\x01</r>")), "xml");
  EXPECT_EQ(refusal(std::string("<r>\0</r>", 8)), "xml");
  EXPECT_EQ(refusal(""), "xml");
  EXPECT_EQ(refusal("<r></s>"), "xml");
  EXPECT_EQ(refusal("<r/><r/>"), "xml");
}

TEST(Xml, EncodingsAreDetectedAndBadBytesRefused) {
  const std::string zh = "<?xml version=\"1.0\" encoding=\"GBK\"?><r>\xD6\xD0\xCE\xC4</r>";  // 中文
  xml::Document d = xml::parse_document(zh);
  EXPECT_EQ(d.root().text, "中文");
  EXPECT_EQ(d.encoding.name, "gb18030");
  EXPECT_EQ(refusal("<?xml version=\"1.0\" encoding=\"GBK\"?><r>\x81\x20</r>"), "xml.encoding");
  // Undeclared and not UTF-8: refused, or GB18030 when the caller allows it (and is told).
  EXPECT_EQ(refusal("<r>\xD6\xD0\xCE\xC4</r>"), "xml.encoding");
  xml::Options fallback;
  fallback.gb18030_fallback = true;
  d = xml::parse_document("<r>\xD6\xD0\xCE\xC4</r>", fallback);
  EXPECT_EQ(d.root().text, "中文");
  EXPECT_TRUE(d.encoding.assumed);
  // A declared UTF-8 is never second-guessed.
  EXPECT_EQ(refusal("<?xml version=\"1.0\" encoding=\"UTF-8\"?><r>\xD6\xD0</r>", fallback), "xml.encoding");
  // UTF-16 with and without a byte-order mark; a BOM outranks the declaration.
  const std::string le("\xFF\xFE<\0r\0>\0-N\x87\x65<\0/\0r\0>\0", 20);
  d = xml::parse_document(le);
  EXPECT_EQ(d.root().text, "中文");
  EXPECT_EQ(d.encoding.name, "utf-16le");
  std::string be;
  for (char c : std::string("<?xml version=\"1.0\"?><r/>")) be += std::string{'\0', c};
  EXPECT_EQ(xml::parse_document(be).encoding.name, "utf-16be");
  d = xml::parse_document("\xEF\xBB\xBF<?xml version=\"1.0\" encoding=\"GBK\"?><r>中文</r>");
  EXPECT_EQ(d.root().text, "中文");
  EXPECT_EQ(refusal(std::string("\xFF\xFE<\0r\0/\0>\0\0", 11)), "xml.encoding");  // odd length
  EXPECT_EQ(refusal(std::string("\xFF\xFE\0\xD8<\0/\0>\0", 10)), "xml.encoding");  // lone surrogate
  EXPECT_EQ(refusal("<?xml version=\"1.0\" encoding=\"Big5\"?><r/>"), "xml.encoding");
  d = xml::parse_document("<?xml version=\"1.0\" encoding=\"ISO-8859-1\"?><r>\xE9</r>");
  EXPECT_EQ(d.root().text, "é");
  EXPECT_EQ(refusal("<r>\xC0\xAF</r>"), "xml.encoding");  // overlong
  EXPECT_EQ(refusal("<r>\xED\xA0\x80</r>"), "xml.encoding");  // an encoded surrogate
}

}  // namespace

// The library's one XML reader (private; every module that reads XML goes through it), over
// expat: streaming events or a small tree, both non-recursive, within limits that hold whatever
// the input (docs/limits.md lists them with their tests):
//   xml.max_bytes       a document larger than this is refused before it is read (64 MiB)
//   xml.max_depth       elements nested deeper than this (256)
//   xml.max_elements    more elements in one document (1,000,000; a caller may lower it)
//   xml.max_attributes  more attributes on one element (256)
//   xml.doctype         any DOCTYPE is refused: no entity is ever declared, so none expands and
//                       no external entity is ever fetched
//   xml.char_ref        a character reference to a character outside XML's Char production
//                       (&#0;, &#xD800;, &#xFFFE;…) is refused (expat checks it)
//   xml.encoding        bytes that are not in the document's encoding (invalid UTF-8, …) are
//                       refused; UTF-8, UTF-16 (BOM or "<?" pattern), GB18030/GBK/GB2312 and
//                       ISO-8859-1 are read, anything else is refused
// Every refusal is InvalidInput (ErrorCode::invalid_input) whose field names the limit or the
// rule ("xml.max_depth", …, "xml" for a syntax error), whose record is the caller's `source`
// label and whose message gives the line; never a value of the document.
#pragma once

#include <cstddef>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace cadrekit::xml {

struct Limits {
  std::size_t max_bytes = std::size_t{64} << 20;
  std::size_t max_depth = 256;
  std::size_t max_elements = 1'000'000;
  std::size_t max_attributes = 256;
};

struct Options {
  Limits limits;
  /// Names as "{namespace-uri}local" (xmlns attributes are then not reported); off: names as
  /// written, prefixes included.
  bool namespaces = false;
  /// A document that declares no encoding and is not valid UTF-8 is read as GB18030 (and the
  /// result says the encoding was assumed); off: it is refused as invalid UTF-8.
  bool gb18030_fallback = false;
};

/// An attribute as the handler sees it (valid during the call only).
struct Attribute {
  std::string_view name;
  std::string_view value;
};

/// Receives a document's events in order. Text comes in pieces (call text() as often as it
/// likes); all of it is well-formed UTF-8 with XML's line-end normalisation done. A handler may
/// throw a cadrekit::Error: parsing stops and the error reaches the caller unchanged.
class Handler {
 public:
  virtual ~Handler() = default;
  virtual void start_element(std::string_view name, std::span<const Attribute> attributes,
                             std::size_t line) = 0;
  virtual void end_element(std::string_view name) = 0;
  virtual void text(std::string_view piece) = 0;
};

/// What the bytes of a document were read as.
struct Encoding {
  std::string name;       ///< "utf-8", "utf-16le", "utf-16be", "gb18030", "iso-8859-1"
  bool assumed = false;   ///< not declared nor marked: Options::gb18030_fallback chose it
};

/// Streams a whole document (any encoding of the list above, detected from the byte-order mark,
/// the first bytes and the XML declaration) to `handler`. Returns the encoding read.
Encoding parse(std::string_view bytes, Handler &handler, const Options &options = {},
               std::string_view source = "xml");

/// Streams a document given in pieces (e.g. as a zip entry inflates): UTF-8, UTF-16,
/// ISO-8859-1 or US-ASCII as expat detects them (GB18030 needs the whole document: parse()).
/// xml.max_bytes counts the bytes fed.
class StreamParser {
 public:
  explicit StreamParser(Handler &handler, const Options &options = {}, std::string source = "xml");
  ~StreamParser();
  StreamParser(const StreamParser &) = delete;
  StreamParser &operator=(const StreamParser &) = delete;
  void feed(std::string_view piece);
  /// The end of the document (an unclosed element is an error here).
  void finish();

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

/// One element of a Document.
struct Node {
  static constexpr std::size_t none = static_cast<std::size_t>(-1);
  std::string name;
  std::vector<std::pair<std::string, std::string>> attributes;
  std::string text;                   ///< the character data directly inside, concatenated
  std::size_t line = 0;               ///< where its start tag is
  std::size_t parent = none;          ///< index in Document::nodes
  std::vector<std::size_t> children;  ///< indices, in document order
};

/// A small document as a flat list of elements (no recursion to build, walk or destroy it).
struct Document {
  std::vector<Node> nodes;  ///< nodes[0] is the root element; a parent comes before its children
  Encoding encoding;
  const Node &root() const { return nodes.front(); }
  const Node &operator[](std::size_t i) const { return nodes[i]; }
};

/// The whole document as a tree (for small documents: about 150 bytes per element besides its
/// text, so xml.max_elements bounds the memory).
Document parse_document(std::string_view bytes, const Options &options = {},
                        std::string_view source = "xml");

}  // namespace cadrekit::xml

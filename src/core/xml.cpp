#include "core/xml.hpp"

#include <expat.h>

#include <algorithm>
#include <climits>
#include <exception>

#include "cadrekit/core/errors.hpp"
#include "core/encoding.hpp"

namespace cadrekit::xml {

namespace {

constexpr char kNsSeparator = '\x1F';  // between the namespace URI and the local name (expat)

std::string lower_ascii(std::string_view s) {
  std::string out(s);
  for (char &c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

std::string mib(std::size_t bytes) {
  if (bytes % (std::size_t{1} << 20) == 0) return std::to_string(bytes >> 20) + " MiB";
  return std::to_string(bytes) + " bytes";
}

[[noreturn]] void refuse(const std::string &message, const char *rule, std::string_view source) {
  throw InvalidInput(message, rule, std::string(source));
}

// The words for expat's error codes: what was wrong and which rule, never a value.
std::pair<std::string, const char *> describe(XML_Error code) {
  switch (code) {
    case XML_ERROR_BAD_CHAR_REF:
      return {"a character reference to a character XML does not allow (Char production: not "
              "NUL, a control character, a surrogate, U+FFFE or U+FFFF)",
              "xml.char_ref"};
    case XML_ERROR_UNDEFINED_ENTITY:
      return {"an entity reference other than the five of XML (&lt; &gt; &amp; &quot; &apos;)",
              "xml.entity"};
    case XML_ERROR_UNKNOWN_ENCODING:
    case XML_ERROR_INCORRECT_ENCODING:
      return {"an encoding cadrekit does not read, or bytes not in the declared encoding",
              "xml.encoding"};
    case XML_ERROR_INVALID_TOKEN:
      return {"not well-formed XML (a character not allowed here, or bytes that are not in "
              "the document's encoding)",
              "xml"};
    case XML_ERROR_NO_ELEMENTS: return {"the document has no element", "xml"};
    default: {
      const XML_LChar *s = XML_ErrorString(code);
      return {std::string("not well-formed XML (") + (s ? s : "unknown error") + ")", "xml"};
    }
  }
}

}  // namespace

// ---- the parser ----------------------------------------------------------------------------

namespace {

// One expat parser with the limits and refusals of this layer. Handler exceptions are caught
// in the callbacks (they must not cross expat's C frames) and rethrown after XML_Parse.
struct Engine {
  XML_Parser p = nullptr;
  Handler &handler;
  Options options;
  std::string source;
  std::size_t depth = 0, elements = 0, fed = 0;
  std::exception_ptr error;
  std::vector<Attribute> attributes;
  std::vector<std::string> names;  // namespace-expanded names of the current start tag

  Engine(Handler &h, const Options &o, std::string src, const char *forced_encoding)
      : handler(h), options(o), source(std::move(src)) {
    p = o.namespaces ? XML_ParserCreateNS(forced_encoding, kNsSeparator)
                     : XML_ParserCreate(forced_encoding);
    if (p == nullptr) throw std::bad_alloc();
    XML_SetUserData(p, this);
    XML_SetElementHandler(p, &Engine::on_start, &Engine::on_end);
    XML_SetCharacterDataHandler(p, &Engine::on_text);
    XML_SetStartDoctypeDeclHandler(p, &Engine::on_doctype);
    XML_SetEntityDeclHandler(p, &Engine::on_entity);
    XML_SetUnknownEncodingHandler(p, &Engine::on_unknown_encoding, nullptr);
    XML_SetParamEntityParsing(p, XML_PARAM_ENTITY_PARSING_NEVER);
  }
  ~Engine() { XML_ParserFree(p); }
  Engine(const Engine &) = delete;
  Engine &operator=(const Engine &) = delete;

  std::string at_line() const {
    return " at line " + std::to_string(static_cast<unsigned long>(XML_GetCurrentLineNumber(p)));
  }
  void stop(std::exception_ptr e) {
    if (!error) error = std::move(e);
    XML_StopParser(p, XML_FALSE);
  }
  void stop(const std::string &message, const char *rule) {
    stop(std::make_exception_ptr(InvalidInput(message + at_line(), rule, source)));
  }

  // "{uri}local" from expat's "uri<separator>local".
  std::string_view expand(const XML_Char *name) {
    std::string_view n(name);
    if (!options.namespaces) return n;
    const std::size_t sep = n.find(kNsSeparator);
    if (sep == std::string_view::npos) return n;
    std::string full;  // appended, not "{" + std::string&&: GCC 12's false -Wrestrict at -O3
    full.reserve(n.size() + 1);
    full.append("{").append(n.substr(0, sep)).append("}").append(n.substr(sep + 1));
    names.push_back(std::move(full));
    return names.back();
  }

  static void XMLCALL on_start(void *ud, const XML_Char *name, const XML_Char **atts) {
    auto *self = static_cast<Engine *>(ud);
    if (self->error) return;
    try {
      const Limits &lim = self->options.limits;
      if (++self->depth > lim.max_depth)
        return self->stop("elements nested deeper than the limit of " +
                              std::to_string(lim.max_depth) + " levels",
                          "xml.max_depth");
      if (++self->elements > lim.max_elements)
        return self->stop("more elements than the limit of " + std::to_string(lim.max_elements),
                          "xml.max_elements");
      std::size_t n = 0;
      while (atts[2 * n] != nullptr) ++n;
      if (n > lim.max_attributes)
        return self->stop("an element with more attributes than the limit of " +
                              std::to_string(lim.max_attributes),
                          "xml.max_attributes");
      self->names.clear();
      self->names.reserve(n + 1);  // expand() keeps views into it: no reallocation
      self->attributes.clear();
      const std::string_view element = self->expand(name);
      for (std::size_t i = 0; i < n; ++i)
        self->attributes.push_back(Attribute{self->expand(atts[2 * i]), atts[2 * i + 1]});
      self->handler.start_element(element, self->attributes,
                                  static_cast<std::size_t>(XML_GetCurrentLineNumber(self->p)));
    } catch (...) {
      self->stop(std::current_exception());
    }
  }

  static void XMLCALL on_end(void *ud, const XML_Char *name) {
    auto *self = static_cast<Engine *>(ud);
    if (self->error) return;
    try {
      --self->depth;
      self->names.clear();
      self->handler.end_element(self->expand(name));
    } catch (...) {
      self->stop(std::current_exception());
    }
  }

  static void XMLCALL on_text(void *ud, const XML_Char *s, int len) {
    auto *self = static_cast<Engine *>(ud);
    if (self->error || len <= 0) return;
    try {
      self->handler.text(std::string_view(s, static_cast<std::size_t>(len)));
    } catch (...) {
      self->stop(std::current_exception());
    }
  }

  static void XMLCALL on_doctype(void *ud, const XML_Char *, const XML_Char *, const XML_Char *,
                                 int) {
    auto *self = static_cast<Engine *>(ud);
    if (self->error) return;
    self->stop("a DOCTYPE is not accepted (no entity is ever declared or expanded)", "xml.doctype");
  }

  static void XMLCALL on_entity(void *ud, const XML_Char *, int, const XML_Char *, int,
                                const XML_Char *, const XML_Char *, const XML_Char *,
                                const XML_Char *) {
    auto *self = static_cast<Engine *>(ud);
    if (self->error) return;
    self->stop("an entity declaration is not accepted", "xml.doctype");
  }

  static int XMLCALL on_unknown_encoding(void *, const XML_Char *, XML_Encoding *) {
    return XML_STATUS_ERROR;  // expat then reports XML_ERROR_UNKNOWN_ENCODING
  }

  void feed(std::string_view piece, bool final) {
    if (error) std::rethrow_exception(error);
    if (piece.size() > options.limits.max_bytes - std::min(fed, options.limits.max_bytes))
      refuse("the document is larger than the limit of " + mib(options.limits.max_bytes),
             "xml.max_bytes", source);
    fed += piece.size();
    do {
      const std::size_t n = std::min<std::size_t>(piece.size(), INT_MAX / 2);
      const bool last = final && n == piece.size();
      const XML_Status st = XML_Parse(p, piece.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE);
      if (error) std::rethrow_exception(error);
      if (st != XML_STATUS_OK) {
        const auto [message, rule] = describe(XML_GetErrorCode(p));
        throw InvalidInput(message + at_line(), rule, source);
      }
      piece.remove_prefix(n);
    } while (!piece.empty());
  }
};

}  // namespace

struct StreamParser::Impl {
  Engine engine;
};

StreamParser::StreamParser(Handler &handler, const Options &options, std::string source)
    : impl_(new Impl{Engine(handler, options, std::move(source), nullptr)}) {}
StreamParser::~StreamParser() = default;
void StreamParser::feed(std::string_view piece) {
  if (!piece.empty()) impl_->engine.feed(piece, false);
}
void StreamParser::finish() { impl_->engine.feed({}, true); }

// ---- encodings -----------------------------------------------------------------------------

namespace {

// The value of encoding="…" in an XML declaration at the start of ASCII-compatible bytes.
std::string declared_encoding(std::string_view b) {
  if (b.substr(0, 5) != "<?xml") return {};
  const std::size_t end = b.find("?>");
  const std::string_view decl = b.substr(0, std::min(end, std::size_t{256}));
  std::size_t at = decl.find("encoding");
  if (at == std::string_view::npos) return {};
  at += 8;
  while (at < decl.size() && (decl[at] == ' ' || decl[at] == '\t' || decl[at] == '\r' || decl[at] == '\n')) ++at;
  if (at >= decl.size() || decl[at] != '=') return {};
  ++at;
  while (at < decl.size() && (decl[at] == ' ' || decl[at] == '\t' || decl[at] == '\r' || decl[at] == '\n')) ++at;
  if (at >= decl.size() || (decl[at] != '"' && decl[at] != '\'')) return {};
  const char quote = decl[at++];
  const std::size_t close = decl.find(quote, at);
  if (close == std::string_view::npos) return {};
  return lower_ascii(decl.substr(at, close - at));
}

bool is_gb_family(const std::string &e) {
  return e == "gb18030" || e == "gbk" || e == "gb2312" || e == "cp936" || e == "ms936" ||
         e == "windows-936" || e == "x-gbk" || e == "euc-cn" || e == "csgb2312";
}

// The document as UTF-8, and what it was read as.
struct Decoded {
  std::string storage;     // when converted
  std::string_view text;   // the UTF-8 text (into the input or into storage)
  Encoding encoding;
};

[[noreturn]] void undecodable(std::string_view what, std::string_view bytes, std::size_t bad,
                              std::string_view source) {
  std::string where = bad == std::string_view::npos
                          ? std::string(" (this system's iconv cannot convert from it)")
                          : " at line " + std::to_string(detail::line_of_offset(bytes, bad));
  refuse("bytes that are not " + std::string(what) + where, "xml.encoding", source);
}

Decoded decode(std::string_view b, const Options &options, std::string_view source) {
  if (b.size() > options.limits.max_bytes)
    refuse("the document is larger than the limit of " + mib(options.limits.max_bytes),
           "xml.max_bytes", source);
  Decoded d;
  std::size_t bad = 0;
  auto utf16 = [&](std::string_view body, bool be) {
    d.encoding.name = be ? "utf-16be" : "utf-16le";
    if (!detail::utf16_to_utf8(body, be, d.storage, &bad)) undecodable("UTF-16", body, bad, source);
    d.text = d.storage;
  };
  auto utf8 = [&](std::string_view body) {
    d.encoding.name = "utf-8";
    if ((bad = detail::first_invalid_utf8(body)) != std::string_view::npos)
      undecodable("UTF-8", body, bad, source);
    d.text = body;
  };
  auto starts = [&](std::string_view prefix) { return b.substr(0, prefix.size()) == prefix; };
  using namespace std::string_view_literals;
  if (starts("\xEF\xBB\xBF"sv)) {
    utf8(b.substr(3));
  } else if (starts("\xFF\xFE\x00\x00"sv) || starts("\x00\x00\xFE\xFF"sv)) {
    refuse("UTF-32 is not read (save the document as UTF-8)", "xml.encoding", source);
  } else if (starts("\xFF\xFE"sv)) {
    utf16(b.substr(2), false);
  } else if (starts("\xFE\xFF"sv)) {
    utf16(b.substr(2), true);
  } else if (starts("<\0?\0"sv)) {
    utf16(b, false);
  } else if (starts("\0<\0?"sv)) {
    utf16(b, true);
  } else {
    // White space before the declaration is an error in XML; forms edited by hand have it.
    std::size_t lead = 0;
    while (lead < b.size() && (b[lead] == ' ' || b[lead] == '\t' || b[lead] == '\r' || b[lead] == '\n')) ++lead;
    if (lead > 0 && b.substr(lead, 5) == "<?xml") b.remove_prefix(lead);
    const std::string declared = declared_encoding(b);
    if (declared.empty() || declared == "utf-8" || declared == "utf8" || declared == "us-ascii" ||
        declared == "ascii") {
      if (declared.empty() && options.gb18030_fallback &&
          detail::first_invalid_utf8(b) != std::string_view::npos) {
        d.encoding = {"gb18030", true};
        if (!detail::gb18030_to_utf8(b, d.storage, &bad)) undecodable("UTF-8 nor GB18030", b, bad, source);
        d.text = d.storage;
      } else {
        utf8(b);
      }
    } else if (is_gb_family(declared)) {
      d.encoding.name = "gb18030";
      if (!detail::gb18030_to_utf8(b, d.storage, &bad)) undecodable("GB18030", b, bad, source);
      d.text = d.storage;
    } else if (declared == "iso-8859-1" || declared == "latin1" || declared == "latin-1") {
      d.encoding.name = "iso-8859-1";
      for (char c : b) detail::append_utf8(d.storage, static_cast<unsigned char>(c));
      d.text = d.storage;
    } else if (declared.rfind("utf-16", 0) == 0) {
      refuse("declared UTF-16 but has neither a byte-order mark nor UTF-16 bytes", "xml.encoding", source);
    } else {
      refuse("an encoding cadrekit does not read (UTF-8, UTF-16, GB18030/GBK/GB2312 and "
             "ISO-8859-1 are read)",
             "xml.encoding", source);
    }
  }
  return d;
}

}  // namespace

Encoding parse(std::string_view bytes, Handler &handler, const Options &options,
               std::string_view source) {
  Decoded d = decode(bytes, options, source);
  // The text is UTF-8 now, whatever the declaration says: expat is told so.
  Options o = options;
  o.limits.max_bytes = std::max(o.limits.max_bytes, d.text.size());  // already checked on the bytes
  Engine engine(handler, o, std::string(source), "UTF-8");
  engine.feed(d.text, true);
  return d.encoding;
}

// ---- the tree ------------------------------------------------------------------------------

namespace {

class TreeBuilder final : public Handler {
 public:
  explicit TreeBuilder(Document &doc) : doc_(doc) {}
  void start_element(std::string_view name, std::span<const Attribute> attributes,
                     std::size_t line) override {
    Node n;
    n.name = std::string(name);
    n.line = line;
    n.attributes.reserve(attributes.size());
    for (const Attribute &a : attributes) n.attributes.emplace_back(std::string(a.name), std::string(a.value));
    const std::size_t index = doc_.nodes.size();
    if (!open_.empty()) {
      n.parent = open_.back();
      doc_.nodes[open_.back()].children.push_back(index);
    }
    doc_.nodes.push_back(std::move(n));
    open_.push_back(index);
  }
  void end_element(std::string_view) override { open_.pop_back(); }
  void text(std::string_view piece) override {
    if (!open_.empty()) doc_.nodes[open_.back()].text.append(piece);
  }

 private:
  Document &doc_;
  std::vector<std::size_t> open_;
};

}  // namespace

Document parse_document(std::string_view bytes, const Options &options, std::string_view source) {
  Document doc;
  TreeBuilder builder(doc);
  doc.encoding = parse(bytes, builder, options, source);
  return doc;
}

}  // namespace cadrekit::xml

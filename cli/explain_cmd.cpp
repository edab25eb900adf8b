// cadrekit explain [FILE] [--row N] [--lang zh|en] [--full]: prints explanations (JSON,
// docs/explanation.md) for people. FILE is one explanation, or what a command wrote with
// `--format json --explain`: an array of rows (or one row), each with its "explanation" —
// all of them, or row N (1-based). Reads standard input when FILE is absent or "-".
#include <boost/json.hpp>
#include <iostream>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {

// The explanation of one output row; InvalidInput naming the row when it has none.
Explanation row_explanation(const boost::json::value &row, std::size_t n) {
  const std::string where = "row " + std::to_string(n);
  if (!row.is_object()) throw InvalidInput("expected a row (an object)", "FILE", where);
  const auto *ex = row.get_object().if_contains("explanation");
  if (ex == nullptr || ex->is_null())
    throw InvalidInput("the row has no explanation (run the command with --explain)", "explanation", where);
  try {
    return Explanation::from_json(boost::json::serialize(*ex));
  } catch (const Error &e) {
    throw Error(e.code(), where + ": " + e.what());
  }
}

}  // namespace

void add_explain_command(CLI::App &app, Common &c, Action &action) {
  auto file = std::make_shared<std::string>("-");
  auto row = std::make_shared<std::size_t>(0);
  auto full = std::make_shared<bool>(false);
  auto *ex = app.add_subcommand("explain", "print explanations (JSON) in Chinese or English: one, or a command's --format json --explain output");
  ex->add_option("FILE", *file, "an explanation, or a command's JSON output with explanations ('-' or absent: standard input)");
  ex->add_option("--row", *row, "only this row of a command's output (1-based)")->check(CLI::PositiveNumber);
  ex->add_option("--lang", c.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  ex->add_flag("--full", *full, "every parameter and input read (default: those that decided)");
  ex->callback([&action, &c, file, row, full] {
    action = [&c, file, row, full](std::ostream &out) {
      auto text_of = [&](const Explanation &e) {
        return (*full ? e : e.brief()).to_text(c.lang);
      };
      std::string text = read_bytes(*file);
      if (text.starts_with("\xEF\xBB\xBF")) text.erase(0, 3);
      boost::json::parse_options opt;
      opt.max_depth = 64;  // an explanation's own limit (docs/limits.md)
      boost::system::error_code ec;
      const boost::json::value v = boost::json::parse(text, ec, {}, opt);
      const std::string shown = *file == "-" ? "<stdin>" : *file;
      if (!ec && v.is_array()) {  // a command's output: every row, or row N
        const auto &rows = v.get_array();
        if (*row > rows.size())
          throw InvalidInput("the output has " + std::to_string(rows.size()) + " rows", "--row", shown);
        for (std::size_t i = 0; i < rows.size(); ++i) {
          if (*row != 0 && i + 1 != *row) continue;
          if (*row == 0)
            out << (i ? "\n" : "") << "[" << (c.lang == "en" ? "row " : "第 ") << i + 1 << (c.lang == "en" ? "" : " 行") << "]\n";
          out << text_of(row_explanation(rows[i], i + 1)) << "\n";
        }
        return;
      }
      if (*row > 1) throw InvalidInput("--row needs a command's output: an array of rows", "--row", shown);
      if (!ec && v.is_object() && v.get_object().contains("explanation")) {  // one row
        out << text_of(row_explanation(v, 1)) << "\n";
        return;
      }
      // One explanation; its reader names what is wrong with it.
      out << text_of(Explanation::from_json(text)) << "\n";
    };
  });
}

}  // namespace cadrekit::cli

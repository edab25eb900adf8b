// cadrekit explain [FILE] [--lang zh|en]: prints an explanation (JSON, docs/explanation.md)
// for people. Reads standard input when FILE is absent or "-".
#include <fstream>
#include <iostream>
#include <sstream>

#include "cadrekit/core/errors.hpp"
#include "cadrekit/core/explanation.hpp"
#include "commands.hpp"

namespace cadrekit::cli {

void add_explain_command(CLI::App &app, Common &c, Action &action) {
  auto file = std::make_shared<std::string>("-");
  auto *ex = app.add_subcommand("explain", "print an explanation (JSON) in Chinese or English");
  ex->add_option("FILE", *file, "explanation JSON ('-' or absent: standard input)");
  ex->add_option("--lang", c.lang, "zh or en")->check(CLI::IsMember({"zh", "en"}));
  ex->callback([&action, &c, file] {
    action = [&c, file](std::ostream &out) {
      std::ostringstream ss;
      if (*file == "-") {
        ss << std::cin.rdbuf();
      } else {
        std::ifstream in(*file, std::ios::binary);
        if (!in) throw InvalidInput("cannot read the file", "FILE", *file);
        ss << in.rdbuf();
      }
      out << Explanation::from_json(ss.str()).to_text(c.lang) << "\n";
    };
  });
}

}  // namespace cadrekit::cli

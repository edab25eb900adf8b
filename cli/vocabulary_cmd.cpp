// cadrekit vocabulary      the values every table cell and JSON string may hold (docs/input.md)
#include <ostream>
#include <string>

#include "cadrekit/core/vocabulary.hpp"
#include "commands.hpp"

namespace cadrekit::cli {

void add_vocabulary_command(CLI::App &app, Common &, Action &action) {
  auto *cmd = app.add_subcommand(
      "vocabulary", "the accepted spellings of flags, levels, dates, periods, numbers and codes (docs/input.md)");
  cmd->add_flag("--markdown")->description("as Markdown (the only form; docs/input.md is this output)");
  cmd->callback([&action] { action = [](std::ostream &out) { out << vocabulary::markdown(); }; });
}

}  // namespace cadrekit::cli

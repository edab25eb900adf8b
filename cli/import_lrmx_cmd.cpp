// cadrekit import-lrmx FILES… [--format csv|json] [--with-citizen-id] [--disclosure-records]:
// cadre records from .lrmx cadre forms (干部任免审批表 3.x XML), through the disclosure module's
// reader (disclosure::record_from_lrmx: YYYYMM, YYYY.MM and YYYYMMDD dates). One row per form;
// a bad form is reported on its own line and the others go on (unless --strict).
#include <boost/json.hpp>
#include <filesystem>
#include <iostream>

#include "cadrekit/disclosure.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {
struct ImportOpts {
  IoOptions io;
  std::vector<std::string> files;
  bool with_citizen_id = false;
  bool disclosure_records = false;
};

std::string education_text(const std::vector<disclosure::Education> &es, const char *mode) {
  for (const auto &e : es)
    if (e.mode == mode) return e.level + (e.degree.empty() ? "" : "/" + e.degree);
  return "";
}
}  // namespace

void add_import_lrmx_command(CLI::App &app, Common &, Action &action) {
  auto o = std::make_shared<ImportOpts>();
  auto *cmd = app.add_subcommand("import-lrmx", "cadre records (CSV/JSON) from .lrmx cadre forms");
  cmd->add_option("FILES", o->files, ".lrmx files")->required();
  cmd->add_flag("--with-citizen-id", o->with_citizen_id, "include the 身份证号 column (left out by default)");
  cmd->add_flag("--disclosure-records", o->disclosure_records,
                "write a JSON array of disclosure records (basic information filled, matters empty)");
  add_io_options(cmd, o->io);
  cmd->callback([&action, o] {
    action = [o](std::ostream &out) {
      Reporter rep(o->io.strict);
      OutTable t{{"id", "name", "sex", "birth_date", "ethnicity", "political_status", "party_joined", "work_started",
                  "education", "full_time_education", "in_service_education", "current_post", "proposed_post",
                  "reference_date", "age", "party_years", "work_years", "work_history_lines"},
                 {}};
      if (o->with_citizen_id) t.columns.push_back("citizen_id");
      boost::json::array records;
      Progress p("import-lrmx", o->files.size());
      for (const auto &f : o->files) {
        try {
          const std::string id = std::filesystem::path(f).stem().string();
          const disclosure::Record r =
              disclosure::record_from_lrmx(decode_text(read_bytes(f), o->io.encoding, f), id);
          if (o->disclosure_records) {
            records.push_back(boost::json::parse(disclosure::record_to_json(r)));
          } else {
            const Person &q = r.person;
            const ThreeAges a = disclosure::basic_three_ages(r);
            auto opt_num = [](const std::optional<int> &v) { return v ? Cell::num(*v) : Cell(); };
            std::vector<Cell> row{r.id, q.name, q.sex == Sex::female ? "female" : "male", to_iso(q.birth_date),
                                  q.ethnicity, q.political_status, Cell::optional_date(q.party_joined),
                                  Cell::optional_date(q.work_started), q.education,
                                  education_text(r.education, "full_time"), education_text(r.education, "in_service"),
                                  r.current_post, r.proposed_post, to_iso(r.reference_date), Cell::num(a.age),
                                  opt_num(a.party_years), opt_num(a.work_years),
                                  Cell::num(static_cast<std::int64_t>(r.work_history.size()))};
            if (o->with_citizen_id) row.push_back(r.citizen_id);
            t.rows.push_back(std::move(row));
          }
        } catch (const Error &e) {
          rep.row_error(f, e);
        }
        p.tick();
      }
      if (o->disclosure_records)
        out << boost::json::serialize(records) << "\n";
      else
        write_table(out, t, o->io);
      rep.finish(out);
    };
  });
}

}  // namespace cadrekit::cli

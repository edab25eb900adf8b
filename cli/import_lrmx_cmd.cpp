// cadrekit import-lrmx PATHS… [--output FILE] [--report FILE] [--format csv|json] [--bom]
// [--strict] [--with-citizen-id] [--disclosure-records]: cadre records from .lrmx cadre forms
// (干部任免审批表 3.x XML; a folder is read for its *.lrmx files), through the disclosure
// module's tolerant reader (disclosure::read_lrmx). One table row per form read, and a report
// that accounts for every form: read, read with warnings (one row per warning) or refused (why).
// Exit 0 when every form was read, 7 when some were refused (the others are in the table);
// --strict stops at the first refused form (exit 2, nothing written). Files are written whole
// or not at all (a temporary file renamed).
#include <unistd.h>

#include <algorithm>
#include <boost/json.hpp>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

#include "cadrekit/disclosure.hpp"
#include "commands.hpp"
#include "table.hpp"

namespace cadrekit::cli {

namespace {

namespace fs = std::filesystem;

struct ImportOpts {
  IoOptions io;
  std::vector<std::string> paths;
  std::string report;
  bool with_citizen_id = false;
  bool disclosure_records = false;
};

// The size limit of a form, the XML reader's (xml.max_bytes, docs/limits.md): a larger file is
// refused before it is read.
constexpr std::uintmax_t kMaxFormBytes = std::uintmax_t{64} << 20;

std::string education_text(const std::vector<disclosure::Education> &es, const char *mode) {
  for (const auto &e : es)
    if (e.mode == mode) return e.level + (e.degree.empty() ? "" : "/" + e.degree);
  return "";
}

bool has_lrmx_extension(const fs::path &p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return std::tolower(c); });
  return ext == ".lrmx";
}

// The forms to read: each file as given, each folder's *.lrmx files (not its sub-folders), by name.
std::vector<std::string> form_files(const std::vector<std::string> &paths) {
  std::vector<std::string> out;
  for (const auto &p : paths) {
    std::error_code ec;
    if (!fs::is_directory(p, ec)) {
      out.push_back(p);
      continue;
    }
    std::vector<std::string> in_dir;
    for (const auto &e : fs::directory_iterator(p, ec))
      if (e.is_regular_file(ec) && has_lrmx_extension(e.path())) in_dir.push_back(e.path().string());
    if (ec) throw InvalidInput("cannot list the folder", "PATHS", p);
    if (in_dir.empty()) throw InvalidInput("the folder holds no .lrmx file", "PATHS", p);
    std::sort(in_dir.begin(), in_dir.end());
    out.insert(out.end(), in_dir.begin(), in_dir.end());
  }
  return out;
}

// A form's bytes: a regular file within the size limit, else InvalidInput naming the file.
std::string read_form(const std::string &file) {
  std::error_code ec;
  const fs::file_status st = fs::status(file, ec);
  if (ec || !fs::exists(st)) throw InvalidInput("cannot read the file", "FILE", file);
  if (!fs::is_regular_file(st)) throw InvalidInput("not a regular file", "FILE", file);
  if (fs::file_size(file, ec) > kMaxFormBytes || ec)
    throw InvalidInput("the document is larger than the limit of 64 MiB", "xml.max_bytes", file);
  std::ifstream in(file, std::ios::binary);
  if (!in) throw InvalidInput("cannot read the file", "FILE", file);
  std::ostringstream ss;
  ss << in.rdbuf();
  std::string bytes = ss.str();
  if (bytes.size() > kMaxFormBytes)  // grew while read
    throw InvalidInput("the document is larger than the limit of 64 MiB", "xml.max_bytes", file);
  return bytes;
}

bool ends_with_json(const std::string &name) {
  return name.size() >= 5 && name.compare(name.size() - 5, 5, ".json") == 0;
}

}  // namespace

void add_import_lrmx_command(CLI::App &app, Common &c, Action &action) {
  auto o = std::make_shared<ImportOpts>();
  auto *cmd = app.add_subcommand("import-lrmx", "cadre records (CSV/JSON) from .lrmx cadre forms, with a report");
  cmd->add_option("PATHS", o->paths, ".lrmx files, or folders of them")->required();
  cmd->add_option("-o,--output", o->io.output,
                  "write the table to FILE (whole or not at all) instead of standard output; a FILE ending in .xlsx "
                  "means --format xlsx");
  cmd->add_option("--report", o->report,
                  "write the report (file,id,status,code,field,message; JSON for a .json name) to FILE "
                  "instead of one line per refusal or warning on standard error");
  cmd->add_flag("--with-citizen-id", o->with_citizen_id, "include the 身份证号 column (left out by default)");
  cmd->add_flag("--disclosure-records", o->disclosure_records,
                "write a JSON array of disclosure records (basic information filled, matters empty)");
  CLI::Option *format = cmd->add_option("--format", o->io.format, "output: csv (default), json or xlsx (a workbook)")
                            ->check(CLI::IsMember({"csv", "json", "xlsx"}));
  cmd->add_option("--lang", o->io.lang, ".xlsx headers and notes: zh or en")->check(CLI::IsMember({"zh", "en"}));
  add_output_checks(cmd, o->io, format);
  cmd->add_flag("--strict", o->io.strict, "stop at the first form refused (exit 2, nothing written)");
  cmd->add_flag("--bom", o->io.bom, "begin CSV output with a UTF-8 byte-order mark (for Excel)");
  cmd->callback([&action, &c, o] {
    if (o->disclosure_records && o->io.format == "xlsx")
      throw CLI::ValidationError("import-lrmx", "--disclosure-records writes JSON, not a workbook");
    action = [&c, o](std::ostream &out) {
      note_run(o->io, c, nullptr, std::nullopt);
      OutTable t{{"id", "name", "sex", "birth_date", "ethnicity", "political_status", "party_joined", "work_started",
                  "education", "full_time_education", "in_service_education", "current_post", "proposed_post",
                  "reference_date", "age", "party_years", "work_years", "work_history_lines"},
                 {}};
      if (o->with_citizen_id) t.columns.push_back("citizen_id");
      OutTable report{{"file", "id", "status", "code", "field", "message"}, {}};
      boost::json::array records;
      std::size_t read = 0, warned = 0, refused = 0;
      const std::vector<std::string> files = form_files(o->paths);
      Progress p("import-lrmx", files.size());
      for (const auto &f : files) {
        const std::string id = fs::path(f).stem().string();
        // A file named by an ID number is masked on stderr as the record id is (the report, the
        // command's output, keeps the names it was given, to be joined on)
        const std::string shown = masked_record(f);
        try {
          const disclosure::LrmxRead in = disclosure::read_lrmx(read_form(f), id);
          const disclosure::Record &r = in.record;
          if (o->disclosure_records) {
            records.push_back(boost::json::parse(disclosure::record_to_json(r)));
          } else {
            const Person &q = r.person;
            const ThreeAges a = disclosure::basic_three_ages(r);
            auto opt_num = [](const std::optional<int> &v) { return v ? Cell::num(*v) : Cell(); };
            std::vector<Cell> row{r.id, q.name, q.sex == Sex::female ? "female" : "male", Cell::date(q.birth_date),
                                  q.ethnicity, q.political_status.empty() ? Cell() : Cell(q.political_status),
                                  Cell::optional_date(q.party_joined),
                                  Cell::optional_date(q.work_started), q.education,
                                  education_text(r.education, "full_time"), education_text(r.education, "in_service"),
                                  r.current_post, r.proposed_post, Cell::date(r.reference_date), Cell::num(a.age),
                                  opt_num(a.party_years), opt_num(a.work_years),
                                  Cell::num(static_cast<std::int64_t>(r.work_history.size()))};
            if (o->with_citizen_id) row.push_back(r.citizen_id);
            t.rows.push_back(std::move(row));
          }
          if (in.warnings.empty()) {
            ++read;
            report.rows.push_back({f, id, "read", "", "", ""});
          } else {
            ++warned;
            for (const auto &w : in.warnings) {
              report.rows.push_back({f, id, "read_with_warnings", w.code, w.path, w.message});
              if (o->report.empty())
                std::cerr << "cadrekit: warning: " << shown << ": " << w.message << " (" << w.code
                          << ", field " << w.path << ")\n";
            }
          }
        } catch (const Error &e) {
          if (o->io.strict) throw Error(e.code(), shown + ": " + e.what());
          ++refused;
          report.rows.push_back({f, id, "refused", error_code_name(e.code()), e.field(), e.message()});
          if (o->report.empty())
            std::cerr << "cadrekit: " << error_code_name(e.code()) << ": " << shown << ": " << e.what() << "\n";
        }
        p.tick();
      }
      // Everything is in memory: write it now, each file whole or not at all.
      std::ostringstream table_text, report_text;
      IoOptions tio = o->io;
      tio.output.clear();  // written below, with the report
      if (o->disclosure_records) table_text << boost::json::serialize(records) << "\n";
      else write_table(table_text, t, tio);
      IoOptions rio = tio;
      rio.format = ends_with_json(o->report) ? "json" : "csv";
      if (!o->report.empty()) write_table(report_text, report, rio);
      const std::string &output = o->io.output;
      AtomicFile table_file(output), report_file(o->report, "--report");
      if (!output.empty()) table_file.write(table_text.view());
      if (!o->report.empty()) report_file.write(report_text.view());
      if (!output.empty()) table_file.commit();
      if (!o->report.empty()) report_file.commit();
      if (output.empty()) out << table_text.view();
      out.flush();
      if (warned + refused > 0)
        std::cerr << "cadrekit: import-lrmx: " << files.size() << (files.size() == 1 ? " form: " : " forms: ")
                  << read << " read, " << warned << " read with warnings, " << refused << " refused\n";
      if (refused > 0) {
        std::cerr.flush();
        std::exit(7);
      }
    };
  });
}

}  // namespace cadrekit::cli

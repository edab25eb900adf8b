// The shared golden tables (tests/golden/*.tsv, read alike by the C++, C and Python tests) as
// the C++ tests read them: one row a line, its cells split at tabs; blank lines, `#` comments
// and the header row are not rows.
#pragma once

#include <fstream>
#include <string>
#include <vector>

namespace ck_test {

/// `s` split at each `sep` (an empty part where two meet, the whole `s` when it has none).
inline std::vector<std::string> split(const std::string &s, const std::string &sep) {
  std::vector<std::string> out;
  std::size_t from = 0;
  for (;;) {
    const std::size_t at = s.find(sep, from);
    out.push_back(s.substr(from, at == std::string::npos ? std::string::npos : at - from));
    if (at == std::string::npos) return out;
    from = at + sep.size();
  }
}

/// The rows of tests/golden/`name`, each a vector of its cells; empty when the file cannot be
/// read (a test asserts how many rows it expects, so an unread file fails it).
inline std::vector<std::vector<std::string>> golden_rows(const std::string &name) {
  std::ifstream in(std::string(CADREKIT_SOURCE_DIR) + "/tests/golden/" + name, std::ios::binary);
  std::vector<std::vector<std::string>> rows;
  std::string line;
  bool header = true;
  while (std::getline(in, line)) {
    if (!line.empty() && line.back() == '\r') line.pop_back();
    if (line.empty() || line[0] == '#') continue;
    if (header) {
      header = false;
      continue;
    }
    rows.push_back(split(line, "\t"));
  }
  return rows;
}

}  // namespace ck_test

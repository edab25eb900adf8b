// The workspace's schema and its forward migrations (private). docs/workspace.md shows it.
#pragma once

#include <cstdint>

#include "sqlite.hpp"

namespace cadrekit::workspace::schema {

/// PRAGMA application_id of a cadrekit workspace: "CKWS".
inline constexpr std::int32_t application_id = 0x434B5753;

/// Brings a new, empty database to `schema_version` (the same steps as a migration from 0).
void create(sql::Db &db);
/// Checks that `db` is a workspace and migrates it forward to `schema_version`, in one
/// transaction. WorkspaceError not_workspace / newer_schema / damaged.
void open(sql::Db &db);
/// Runs the migrations from the file's version up to `target` only (tests build each earlier
/// version this way; the frozen fixtures of tests/workspace check it).
void migrate_to(sql::Db &db, int target);

}  // namespace cadrekit::workspace::schema

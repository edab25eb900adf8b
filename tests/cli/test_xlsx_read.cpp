// The .xlsx reader's cell texts (cli/xlsx_read.hpp): numbers as Excel's General format shows
// them, date serials under both date systems, cell names. Whole workbooks made by other software
// are read in tests/cli/check_xlsx_input.py.
#include <gtest/gtest.h>

#include <string>

#include "cadrekit/core/errors.hpp"
#include "xlsx_read.hpp"

namespace x = cadrekit::cli::xlsx;

TEST(XlsxRead, NumbersAsExcelShowsThem) {
  EXPECT_EQ(x::number_text(3.0), "3");
  EXPECT_EQ(x::number_text(-3.0), "-3");
  EXPECT_EQ(x::number_text(0.0), "0");
  EXPECT_EQ(x::number_text(-0.0), "0");
  EXPECT_EQ(x::number_text(1234.5), "1234.5");
  EXPECT_EQ(x::number_text(5000000.0), "5000000");
  EXPECT_EQ(x::number_text(0.1 + 0.2), "0.3");  // 0.30000000000000004 at 17 digits
  EXPECT_EQ(x::number_text(1e20), "100000000000000000000");
  EXPECT_EQ(x::number_text(1.5e-7), "0.00000015");
  EXPECT_EQ(x::number_text(123456789012345.0), "123456789012345");
  EXPECT_EQ(x::number_text(1234567890123456.0), "1234567890123460");  // 15 digits, as Excel
  EXPECT_EQ(x::number_text(61.5), "61.5");
  EXPECT_EQ(x::number_text(0.05), "0.05");
}

TEST(XlsxRead, DateSerialsUnderBothSystems) {
  EXPECT_EQ(x::serial_text(1, false), "1900-01-01");
  EXPECT_EQ(x::serial_text(59, false), "1900-02-28");
  EXPECT_EQ(x::serial_text(60, false), "");  // Lotus 1-2-3's 1900-02-29
  EXPECT_EQ(x::serial_text(61, false), "1900-03-01");
  EXPECT_EQ(x::serial_text(41640, false), "2014-01-01");
  EXPECT_EQ(x::serial_text(41640 - 1462, true), "2014-01-01");  // 1904 system: 1,462 days less
  EXPECT_EQ(x::serial_text(0, true), "1904-01-01");
  EXPECT_EQ(x::serial_text(41640.5, false), "2014-01-01 12:00:00");
  EXPECT_EQ(x::serial_text(41640.999999999, false), "2014-01-02");  // rounds to the second
  EXPECT_EQ(x::serial_text(0.75, false), "18:00:00");
  EXPECT_EQ(x::serial_text(2958465, false), "9999-12-31");
  EXPECT_EQ(x::serial_text(2958466, false), "");
  EXPECT_EQ(x::serial_text(-1, false), "");
}

TEST(XlsxRead, CellNames) {
  EXPECT_EQ(x::cell_name(0, 1), "A1");
  EXPECT_EQ(x::cell_name(1, 17), "B17");
  EXPECT_EQ(x::cell_name(25, 2), "Z2");
  EXPECT_EQ(x::cell_name(26, 2), "AA2");
  EXPECT_EQ(x::cell_name(16383, 1048576), "XFD1048576");
}

TEST(XlsxRead, WhatIsNotAWorkbookIsRefusedNamingTheFile) {
  try {
    x::read_sheet("unit_id,budget\nU1,1\n", "units.xlsx", "");
    FAIL() << "a CSV read as a workbook";
  } catch (const cadrekit::InvalidInput &e) {
    EXPECT_EQ(e.record(), "units.xlsx");
    EXPECT_NE(std::string(e.what()).find("not a zip"), std::string::npos) << e.what();
  }
  EXPECT_THROW(x::read_sheet(std::string("PK\x03\x04garbage", 11), "a.xlsx", ""), cadrekit::InvalidInput);
  EXPECT_TRUE(x::is_ole(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)));
  EXPECT_FALSE(x::is_zip("PK"));
}

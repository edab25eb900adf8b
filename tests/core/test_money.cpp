// Money and shares (C++ surface).
#include <gtest/gtest.h>

#include "cadrekit/core/money.hpp"

using namespace cadrekit;

TEST(Money, ParsesTenThousands) { EXPECT_EQ(Money::parse("500万").fen(), 500'000'000LL); }

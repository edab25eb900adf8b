// Access to the reference data embedded at build time (data/CMakeLists.txt).
#pragma once

#include <cstddef>
#include <string_view>

namespace cadrekit::embedded {

#define CADREKIT_EMBEDDED(sym)                                            \
  extern const unsigned char sym[];                                       \
  extern const std::size_t sym##_size;                                    \
  inline std::string_view sym##_text() {                                  \
    return {reinterpret_cast<const char *>(sym), sym##_size};             \
  }

CADREKIT_EMBEDDED(holidays_cn_csv)
CADREKIT_EMBEDDED(ethnic_gb3304_csv)
CADREKIT_EMBEDDED(political_status_gb4762_csv)
CADREKIT_EMBEDDED(gb2260_tongliao_history_csv)
CADREKIT_EMBEDDED(policy_tongliao_2016_yaml)

#undef CADREKIT_EMBEDDED


}  // namespace cadrekit::embedded

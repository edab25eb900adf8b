// Boost.JSON, compiled into cadrekit once (header-only mode), so that users of the library
// need not link libboost_json.
#include <boost/json/src.hpp>

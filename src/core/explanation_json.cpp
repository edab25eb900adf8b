// The JSON form and text rendering of Explanation (docs/explanation.md).
#include "cadrekit/core/explanation.hpp"

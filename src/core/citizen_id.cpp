// Implemented with its issue section; see include/cadrekit/core/.
#include "cadrekit/core/errors.hpp"

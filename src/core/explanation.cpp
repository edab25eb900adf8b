#include "cadrekit/core/explanation.hpp"

#include <algorithm>

#include "cadrekit/core/errors.hpp"

namespace cadrekit {

void Explanation::add_parameter(ParamUsed param) {
  auto same = [&](const ParamUsed &p) {
    return p.name == param.name && p.effective_from == param.effective_from;
  };
  if (std::none_of(parameters.begin(), parameters.end(), same))
    parameters.push_back(std::move(param));
}

void Explanation::add_input(std::string name, std::string value) {
  inputs.push_back({std::move(name), std::move(value)});
}

bool Explanation::uses_assumed() const {
  return std::any_of(parameters.begin(), parameters.end(),
                     [](const ParamUsed &p) { return p.assumed; });
}

// JSON form and text rendering: explanation_json.cpp.

}  // namespace cadrekit

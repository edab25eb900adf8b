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

void Explanation::add_input(std::string name, std::string value, bool detail) {
  inputs.push_back({std::move(name), std::move(value), detail});
}

void Explanation::mark_parameter_detail(std::string_view name) {
  for (ParamUsed &p : parameters)
    if (p.name == name) p.detail = true;
}

Explanation Explanation::brief() const {
  Explanation out(subject);
  out.rules = rules;
  for (const ParamUsed &p : parameters)
    if (!p.detail) out.parameters.push_back(p);
  for (const InputUsed &in : inputs)
    if (!in.detail) out.inputs.push_back(in);
  return out;
}

bool Explanation::has_detail() const {
  return std::any_of(parameters.begin(), parameters.end(),
                     [](const ParamUsed &p) { return p.detail; }) ||
         std::any_of(inputs.begin(), inputs.end(), [](const InputUsed &in) { return in.detail; });
}

bool Explanation::uses_assumed() const {
  return std::any_of(parameters.begin(), parameters.end(),
                     [](const ParamUsed &p) { return p.assumed; });
}

// JSON form and text rendering: explanation_json.cpp.

}  // namespace cadrekit

// Message templates: "{model} comes from {publisher} ({country})". Unknown
// facts render as "unknown"; placeholders are checked when the policy loads
// (TemplatePlaceholders()), so rendering never fails.
#pragma once

#include <map>
#include <string>
#include <string_view>

namespace modelprov::rules {

using TemplateValues = std::map<std::string, std::string, std::less<>>;

// Replaces each {name} with values[name] ("unknown" when empty or missing).
// Text that is not a known placeholder is copied as written.
std::string RenderTemplate(std::string_view text, const TemplateValues& values);

}  // namespace modelprov::rules

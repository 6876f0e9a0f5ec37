// The JSON form of a ScanResult (schema_version 1, docs/json-output.md), both
// ways: written by `--format json`, read back by `modelprov report --from`.
#pragma once

#include <string_view>

#include <nlohmann/json.hpp>

#include "core/result.h"
#include "core/scan_result.h"

namespace modelprov {

inline constexpr int kJsonSchemaVersion = 1;

nlohmann::json ScanResultToJson(const ScanResult& result);
// Fails with a message naming the first field that is wrong.
Result<ScanResult> ScanResultFromJson(std::string_view text);

nlohmann::json TermsToJson(const TermMap& terms);

}  // namespace modelprov

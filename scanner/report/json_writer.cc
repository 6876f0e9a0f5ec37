#include "report/scan_json.h"
#include "report/writer.h"

namespace modelprov {
namespace {

class JsonWriter final : public ReportWriter {
 public:
  std::string_view id() const override { return "json"; }
  void Write(const ScanResult& result, std::ostream& out, const WriteOptions&) const override {
    out << ScanResultToJson(result).dump(2) << "\n";
  }
};

}  // namespace

std::unique_ptr<ReportWriter> MakeJsonWriter() { return std::make_unique<JsonWriter>(); }

}  // namespace modelprov

#include "report/writer.h"

namespace modelprov {

WriterList DefaultWriters() {
  WriterList list;
  list.push_back(MakeTextWriter());
  list.push_back(MakeJsonWriter());
  list.push_back(MakeSarifWriter());
  list.push_back(MakeCycloneDxWriter());
  list.push_back(MakeSpdxWriter());
  list.push_back(MakeMarkdownWriter());
  list.push_back(MakeMarkdownSummaryWriter());
  list.push_back(MakeHtmlWriter());
  list.push_back(MakeNoticeWriter());
  return list;
}

const ReportWriter* FindWriter(const WriterList& writers, std::string_view id) {
  for (const auto& w : writers) {
    if (w->id() == id) return w.get();
  }
  return nullptr;
}

}  // namespace modelprov

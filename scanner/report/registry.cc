#include "report/writer.h"

namespace modelprov {

WriterList DefaultWriters() {
  WriterList list;
  list.push_back(MakeTextWriter());
  list.push_back(MakeJsonWriter());
  return list;
}

const ReportWriter* FindWriter(const WriterList& writers, std::string_view id) {
  for (const auto& w : writers) {
    if (w->id() == id) return w.get();
  }
  return nullptr;
}

}  // namespace modelprov

#include "core/terms.h"

#include "core/text.h"

namespace modelprov {

// Built by appending: GCC 12 at -O3 reports a false -Wrestrict overlap for
// `"literal" + std::string` chains here.
std::string DescribeMoney(const MoneyAmount& m) {
  std::string s = m.currency.empty() ? std::string("(currency unknown)") : m.currency;
  s.append(" ").append(GroupThousands(m.amount));
  if (!m.period.empty()) s.append(" per ").append(m.period);
  return s;
}

std::string DescribeThreshold(const DutyThreshold& t) {
  std::string s;
  if (t.monthly_active_users > 0) s.append(GroupThousands(t.monthly_active_users)).append(" monthly active users");
  if (t.revenue) {
    if (!s.empty()) s.append(" or ");
    s.append(DescribeMoney(*t.revenue)).append(" in revenue");
  }
  if (s.empty()) return s;
  std::string out = "above ";
  out.append(s);
  return out;
}

std::string DescribeDisplayWords(const TermValue& v) {
  if (v.display.empty()) return {};
  std::string duty = "show \"";
  duty.append(v.display).append("\"");
  if (v.above) duty.append(" ").append(DescribeThreshold(*v.above));
  return duty;
}

std::string DescribeDisplayDuty(const TermValue& v) {
  if (v.display.empty()) return v.text;
  std::string duty = DescribeDisplayWords(v);
  if (!v.text.empty()) duty.append(" (").append(v.text).append(")");
  return duty;
}

}  // namespace modelprov

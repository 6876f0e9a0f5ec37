#include "core/terms.h"

#include "core/text.h"

namespace modelprov {

std::string DescribeMoney(const MoneyAmount& m) {
  std::string s = (m.currency.empty() ? std::string("(currency unknown)") : m.currency) + " " + GroupThousands(m.amount);
  if (!m.period.empty()) s += " per " + m.period;
  return s;
}

std::string DescribeThreshold(const DutyThreshold& t) {
  std::string s;
  if (t.monthly_active_users > 0) s = GroupThousands(t.monthly_active_users) + " monthly active users";
  if (t.revenue) s += (s.empty() ? "" : " or ") + DescribeMoney(*t.revenue) + " in revenue";
  return s.empty() ? s : "above " + s;
}

std::string DescribeDisplayDuty(const TermValue& v) {
  if (v.display.empty()) return v.text;
  std::string duty = "show \"" + v.display + "\"" + (v.above ? " " + DescribeThreshold(*v.above) : "");
  return v.text.empty() ? duty : duty + " (" + v.text + ")";
}

}  // namespace modelprov

#include "extract/json_file.h"

#include <algorithm>

#include "core/text.h"

namespace modelprov {
namespace {

struct OverBudget {};

// nlohmann's DOM builder, counting what it keeps: 32 bytes a value plus its
// string's length; throws OverBudget past the budget.
class BudgetedDom {
 public:
  using json = nlohmann::json;
  BudgetedDom(json& root, uint64_t budget) : dom_(root, true), budget_(budget) {}
  bool null() { return Count(0) && dom_.null(); }
  bool boolean(bool v) { return Count(0) && dom_.boolean(v); }
  bool number_integer(json::number_integer_t v) { return Count(0) && dom_.number_integer(v); }
  bool number_unsigned(json::number_unsigned_t v) { return Count(0) && dom_.number_unsigned(v); }
  bool number_float(json::number_float_t v, const json::string_t& s) { return Count(0) && dom_.number_float(v, s); }
  bool string(json::string_t& s) { return Count(s.size()) && dom_.string(s); }
  bool binary(json::binary_t& b) { return Count(b.size()) && dom_.binary(b); }
  bool start_object(std::size_t n) { return Count(0) && dom_.start_object(n); }
  bool key(json::string_t& s) { return Count(s.size()) && dom_.key(s); }
  bool end_object() { return dom_.end_object(); }
  bool start_array(std::size_t n) { return Count(0) && dom_.start_array(n); }
  bool end_array() { return dom_.end_array(); }
  [[noreturn]] bool parse_error(std::size_t, const std::string&, const nlohmann::detail::exception& ex) {
    // Keep the concrete type (and its byte offset) for the caller's message.
    if (const auto* pe = dynamic_cast<const nlohmann::json::parse_error*>(&ex)) throw *pe;
    if (const auto* oor = dynamic_cast<const nlohmann::json::out_of_range*>(&ex)) throw *oor;
    throw nlohmann::json::other_error::create(500, ex.what(), nullptr);
  }

 private:
  bool Count(size_t extra) {
    kept_ += 32 + extra;
    if (kept_ > budget_) throw OverBudget{};
    return true;
  }
  nlohmann::detail::json_sax_dom_parser<json> dom_;
  uint64_t budget_;
  uint64_t kept_ = 0;
};


constexpr int kMaxJsonDepth = 256;
constexpr size_t kLongUnterminatedString = 1 << 20;

// One pass before parsing: nesting deeper than kMaxJsonDepth, and where a
// string of over 1 MiB that is never closed starts (npos if none). nlohmann would read an
// unterminated string to the end of the file into its token buffers and
// quote it whole in its error message; a 60 MB one cost ~500 MB.
struct JsonPrecheck {
  bool too_deep = false;
  size_t unterminated_string = std::string_view::npos;
};

JsonPrecheck Precheck(std::string_view text) {
  JsonPrecheck out;
  int depth = 0;
  bool in_string = false;
  size_t string_start = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    char c = text[i];
    if (in_string) {
      if (c == '\\') ++i;
      else if (c == '"') in_string = false;
      continue;
    }
    if (c == '"') {
      in_string = true;
      string_start = i;
    } else if (c == '[' || c == '{') {
      if (++depth > kMaxJsonDepth) {
        out.too_deep = true;
        return out;
      }
    } else if (c == ']' || c == '}') {
      --depth;
    }
  }
  // Short ones are left to nlohmann, whose message may name an earlier error.
  if (in_string && text.size() - string_start > kLongUnterminatedString) out.unterminated_string = string_start;
  return out;
}

}  // namespace

std::optional<nlohmann::json> ParseJsonFile(const ExtractInput& in, ReferenceSink& sink, const JsonReadOptions& options) {
  JsonPrecheck pre = Precheck(in.text);
  if (pre.too_deep) {
    sink.OnError({std::string(in.path), "JSON nested deeper than 256 levels; not parsed"});
    return std::nullopt;
  }
  if (pre.unterminated_string != std::string_view::npos) {
    uint32_t line = 1 + static_cast<uint32_t>(std::count(in.text.begin(), in.text.begin() + pre.unterminated_string, '\n'));
    sink.OnError({std::string(in.path), "invalid JSON at line " + std::to_string(line) +
                                            ": a string starting there is never closed; not parsed"});
    return std::nullopt;
  }
  // The document tree costs several times the text; it is built only for what
  // the extractor reads (pruned keys are skipped while parsing) and only up to
  // a budget, so one large file cannot take the scan's memory.
  uint64_t kept = 0;
  // While a pruned key's value is being parsed (its first event is at the
  // key's depth, everything inside it deeper), nothing is kept or counted.
  int pruned_at = -1;
  bool pruned_value_started = false;
  auto keep = [&](int depth, nlohmann::json::parse_event_t event, nlohmann::json& parsed) {
    using Event = nlohmann::json::parse_event_t;
    if (pruned_at >= 0) {
      if (!pruned_value_started) {
        pruned_value_started = true;
        return true;
      }
      if (depth > pruned_at) return true;
      pruned_at = -1;
    }
    if (event == Event::key && !options.prune_keys.empty() && parsed.is_string() &&
        std::find(options.prune_keys.begin(), options.prune_keys.end(), parsed.get_ref<const std::string&>()) !=
            options.prune_keys.end()) {
      pruned_at = depth;
      pruned_value_started = false;
      return false;
    }
    if (event == Event::value || event == Event::key) {
      kept += 32 + (parsed.is_string() ? parsed.get_ref<const std::string&>().size() : 0);
      if (kept > options.max_tree_bytes) throw OverBudget{};
    }
    return true;
  };
  try {
    if (options.prune_keys.empty()) {
      // Nothing to prune: the plain DOM builder under the budget (nlohmann's
      // callback parser rescans the parent object at every nested object's
      // end, which is quadratic in a 300,000-key safetensors header).
      nlohmann::json doc;
      BudgetedDom sax(doc, options.max_tree_bytes);
      nlohmann::json::sax_parse(in.text, &sax);
      return doc;
    }
    return nlohmann::json::parse(in.text, keep);
  } catch (const OverBudget&) {
    sink.OnError({std::string(in.path), "JSON document is too large to read (over " +
                                            std::to_string(options.max_tree_bytes >> 20) + " MiB of " +
                                            std::string(options.what) + "); not scanned"});
  } catch (const nlohmann::json::parse_error& e) {
    LineIndex lines(in.text);
    size_t at = e.byte > 0 ? e.byte - 1 : 0;
    sink.OnError({std::string(in.path), "invalid JSON at line " + std::to_string(lines.LineOf(at)) +
                                            ": " + Abbreviate(Trim(e.what()), 200)});
  } catch (const nlohmann::json::exception& e) {
    sink.OnError({std::string(in.path), std::string("invalid JSON: ") + Abbreviate(e.what(), 200)});
  }
  return std::nullopt;
}

size_t FindJsonKeyOffset(std::string_view text, std::string_view key, size_t from) {
  std::string quoted = "\"" + std::string(key) + "\"";
  size_t pos = from;
  while ((pos = text.find(quoted, pos)) != std::string_view::npos) {
    size_t j = pos + quoted.size();
    while (j < text.size() && (text[j] == ' ' || text[j] == '\t' || text[j] == '\r' || text[j] == '\n')) ++j;
    if (j < text.size() && text[j] == ':') return pos;
    pos += quoted.size();
  }
  return std::string_view::npos;
}

LineCol FindJsonKey(std::string_view text, std::string_view key, size_t from) {
  size_t pos = FindJsonKeyOffset(text, key, from);
  if (pos == std::string_view::npos) return {};
  LineIndex lines(text);
  return {lines.LineOf(pos), lines.ColumnOf(pos)};
}

}  // namespace modelprov

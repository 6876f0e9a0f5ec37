// Jupyter notebooks (.ipynb): the Python source of each code cell goes through
// the same literal scanner and classifier as a .py file, and each hit's cell
// line is mapped back to the line of the .ipynb file where that source line is
// written (nbformat 4 stores a cell's source as an array of strings, one per
// JSON line), so the evidence points into the file a reviewer opens.
//
// Shell escapes (`!pip ...`) and magics (`%pip ...`) are blanked before
// scanning: they are not Python, and shell commands belong to the shell rules.
// Markdown and raw cells are not read.
#include <string>
#include <vector>

#include "extract/code_references.h"
#include "extract/extractors.h"
#include "extract/json_file.h"

namespace modelprov {
namespace {

using nlohmann::json;

uint32_t LineAt(std::string_view text, size_t offset) {
  uint32_t line = 1;
  for (size_t i = 0; i < offset && i < text.size(); ++i) line += text[i] == '\n';
  return line;
}

// File lines on which the string elements of the JSON value at `offset`
// start; one entry for a single string, empty if the value is neither.
std::vector<uint32_t> ElementLines(std::string_view text, size_t offset) {
  std::vector<uint32_t> lines;
  size_t i = text.find(':', offset);
  if (i == std::string_view::npos) return lines;
  uint32_t line = LineAt(text, i);
  auto skip_ws = [&] {
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t' || text[i] == '\r' || text[i] == '\n')) {
      line += text[i] == '\n';
      ++i;
    }
  };
  auto skip_string = [&] {  // at '"'
    for (++i; i < text.size() && text[i] != '"'; ++i) {
      if (text[i] == '\\') ++i;
    }
    ++i;
  };
  ++i;
  skip_ws();
  if (i >= text.size()) return lines;
  if (text[i] == '"') {
    lines.push_back(line);
    return lines;
  }
  if (text[i] != '[') return lines;
  ++i;
  while (i < text.size()) {
    skip_ws();
    if (i >= text.size() || text[i] != '"') break;
    lines.push_back(line);
    skip_string();
    skip_ws();
    if (i < text.size() && text[i] == ',') ++i;
  }
  return lines;
}

// Blanks IPython shell escapes and magics, keeping the line count.
std::string BlankShellLines(const std::string& src) {
  std::string out;
  size_t start = 0;
  while (start <= src.size()) {
    size_t end = src.find('\n', start);
    std::string_view line(src.data() + start, (end == std::string::npos ? src.size() : end) - start);
    size_t first = line.find_first_not_of(" \t");
    if (first == std::string_view::npos || (line[first] != '!' && line[first] != '%')) out += line;
    if (end == std::string::npos) break;
    out += '\n';
    start = end + 1;
  }
  return out;
}

class NotebookExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "jupyter-notebook"; }
  std::vector<std::string> globs() const override { return {"**/*.ipynb"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    std::optional<json> doc = ParseJsonFile(in, sink);
    if (!doc || !doc->is_object()) return;
    auto cells = doc->find("cells");
    if (cells == doc->end() || !cells->is_array()) return;
    size_t search_from = FindJsonKeyOffset(in.text, "cells");
    if (search_from == std::string_view::npos) return;
    for (const json& cell : *cells) {
      if (!cell.is_object()) continue;
      auto src = cell.find("source");
      if (src == cell.end()) continue;
      // Every cell has a "source" key; walking them in order keeps cell i
      // paired with the i-th "source" in the text.
      size_t at = FindJsonKeyOffset(in.text, "source", search_from);
      if (at == std::string_view::npos) return;
      search_from = at + 8;
      // Not value("cell_type", ""): that throws when the key holds a number.
      auto type = cell.find("cell_type");
      if (type == cell.end() || !type->is_string() || type->get_ref<const std::string&>() != "code") continue;
      std::vector<std::string> parts;
      if (src->is_string()) {
        parts.push_back(src->get<std::string>());
      } else if (src->is_array()) {
        for (const json& p : *src) parts.push_back(p.is_string() ? p.get<std::string>() : std::string());
      } else {
        continue;
      }
      std::vector<uint32_t> element_lines = ElementLines(in.text, at);
      // cell_line_to_file[L-1]: file line of the element where cell line L starts.
      std::vector<uint32_t> cell_line_to_file;
      std::string code;
      bool at_line_start = true;
      for (size_t k = 0; k < parts.size(); ++k) {
        uint32_t file_line = k < element_lines.size() ? element_lines[k] : (element_lines.empty() ? 0 : element_lines.back());
        for (char c : parts[k]) {
          if (at_line_start) cell_line_to_file.push_back(file_line);
          at_line_start = c == '\n';
        }
        code += parts[k];
      }
      std::string scanned = BlankShellLines(code);
      ScanStringLiterals(scanned, PythonSyntax(), [&](const StringLiteral& lit) {
        std::optional<ModelReference> ref = ClassifyCodeLiteral(lit);
        if (!ref) return;
        ref->location.path = std::string(in.path);
        ref->location.line = lit.line >= 1 && lit.line <= cell_line_to_file.size() ? cell_line_to_file[lit.line - 1] : 0;
        ref->location.column = 0;  // JSON escaping moves columns; the line is exact
        ref->extractor = "jupyter-notebook";
        sink.OnReference(std::move(*ref));
      });
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeNotebookExtractor() { return std::make_unique<NotebookExtractor>(); }

}  // namespace modelprov

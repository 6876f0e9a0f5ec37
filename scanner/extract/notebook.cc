// Jupyter notebooks (.ipynb): the Python source of each code cell goes through
// the same literal scanner and classifier as a .py file, and each hit's cell
// line is mapped back to the line of the .ipynb file where that source line is
// written (nbformat 4 stores a cell's source as an array of strings, one per
// JSON line), so the evidence points into the file a reviewer opens.
//
// Shell escapes (`!huggingface-cli download ...`) and `%%bash` / `%%sh`
// cells are how notebooks fetch and serve models: they are blanked before the
// Python scan and read by the shell command rules (command_lines.h) instead.
// Other magics (`%pip ...`) are blanked. Markdown and raw cells are not read.
#include <algorithm>
#include <string>
#include <vector>

#include "extract/code_references.h"
#include "extract/command_lines.h"
#include "extract/extractors.h"
#include "extract/json_file.h"

namespace modelprov {
namespace {

using nlohmann::json;

// Line numbers of increasing offsets: each call counts only the newlines
// since the previous one, so walking a notebook's cells stays linear in its
// size (counting from the start for every cell was quadratic).
class LineCursor {
 public:
  explicit LineCursor(std::string_view text) : text_(text) {}
  uint32_t LineAt(size_t offset) {
    offset = std::min(offset, text_.size());
    if (offset < at_) at_ = 0, line_ = 1;
    for (; at_ < offset; ++at_) line_ += text_[at_] == '\n';
    return line_;
  }

 private:
  std::string_view text_;
  size_t at_ = 0;
  uint32_t line_ = 1;
};

// File lines on which the string elements of the JSON value at `offset`
// start; one entry for a single string, empty if the value is neither.
std::vector<uint32_t> ElementLines(std::string_view text, size_t offset, LineCursor& cursor) {
  std::vector<uint32_t> lines;
  size_t i = text.find(':', offset);
  if (i == std::string_view::npos) return lines;
  uint32_t line = cursor.LineAt(i);
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

// A cell split by language, each keeping the cell's line count: `python`
// has IPython shell escapes and magics blanked; `shell` holds only the shell
// lines (`!cmd` without its `!`, or a whole %%bash / %%sh cell body).
struct CellText {
  std::string python;
  std::string shell;
};

CellText SplitCell(const std::string& src) {
  CellText out;
  std::string_view first_line = std::string_view(src).substr(0, src.find('\n'));
  std::string_view magic = first_line.substr(0, first_line.find_first_of(" \t\r"));
  bool shell_cell = magic == "%%bash" || magic == "%%sh" || magic == "%%script" || magic == "%%shell";
  size_t start = 0;
  bool first = true;
  while (start <= src.size()) {
    size_t end = src.find('\n', start);
    std::string_view line(src.data() + start, (end == std::string::npos ? src.size() : end) - start);
    size_t lead = line.find_first_not_of(" \t");
    if (shell_cell) {
      if (!first) out.shell += line;
    } else if (lead != std::string_view::npos && line[lead] == '!') {
      out.shell += std::string(lead + 1, ' ');  // columns stay put
      out.shell += line.substr(lead + 1);
    } else if (lead == std::string_view::npos || line[lead] != '%') {
      out.python += line;
    }
    first = false;
    if (end == std::string::npos) break;
    out.python += '\n';
    out.shell += '\n';
    start = end + 1;
  }
  return out;
}

class NotebookExtractor final : public Extractor {
 public:
  std::string_view name() const override { return "jupyter-notebook"; }
  std::vector<std::string> globs() const override { return {"**/*.ipynb"}; }

  void Extract(const ExtractInput& in, ReferenceSink& sink) const override {
    // Outputs (often base64 images) and attachments are never read.
    static const JsonReadOptions kCellsOnly{{"outputs", "attachments"}, 16ull << 20, "cell sources and metadata"};
    std::optional<json> doc = ParseJsonFile(in, sink, kCellsOnly);
    if (!doc || !doc->is_object()) return;
    auto cells = doc->find("cells");
    if (cells == doc->end() || !cells->is_array()) return;
    size_t search_from = FindJsonKeyOffset(in.text, "cells");
    if (search_from == std::string_view::npos) return;
    LineCursor cursor(in.text);
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
      std::vector<uint32_t> element_lines = ElementLines(in.text, at, cursor);
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
      auto file_line = [&](uint32_t cell_line) {
        return cell_line >= 1 && cell_line <= cell_line_to_file.size() ? cell_line_to_file[cell_line - 1] : 0;
      };
      CellText split = SplitCell(code);
      ScanStringLiterals(split.python, PythonSyntax(), [&](const StringLiteral& lit) {
        std::optional<ModelReference> ref = ClassifyCodeLiteral(lit);
        if (!ref) return;
        ref->location.path = std::string(in.path);
        ref->location.line = file_line(lit.line);
        ref->location.column = 0;  // JSON escaping moves columns; the line is exact
        ref->extractor = "jupyter-notebook";
        sink.OnReference(std::move(*ref));
      });
      if (split.shell.find_first_not_of(" \t\n") == std::string::npos) continue;
      for (ModelReference& ref : CommandReferencesInText(split.shell, 1, 1, in.path, name())) {
        ref.location.line = file_line(ref.location.line);
        ref.location.column = 0;
        sink.OnReference(std::move(ref));
      }
    }
  }
};

}  // namespace

std::unique_ptr<Extractor> MakeNotebookExtractor() { return std::make_unique<NotebookExtractor>(); }

}  // namespace modelprov

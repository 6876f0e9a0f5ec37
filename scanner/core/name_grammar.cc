#include "core/name_grammar.h"

#include <array>

#include "core/text.h"

namespace modelprov {
namespace {

bool IsDigit(char c) { return c >= '0' && c <= '9'; }
bool IsSeparator(char c) { return c == '-' || c == '_' || c == '.' || c == ':'; }

// Words that name software, files or UI around a model, never a release.
// Release words (instruct, chat, coder, vl, flash, max, turbo...) are absent
// on purpose.
constexpr std::array<std::string_view, 83> kNonModelWords = {
    "sdk",       "client",    "clients",  "api",      "apis",      "ai",        "go",        "js",
    "py",        "python",    "java",     "rs",       "rust",      "common",    "inference", "core",
    "utils",     "util",      "server",   "provider", "providers", "integration", "community", "spring",
    "boot",      "starter",   "test",     "tests",    "example",   "examples",  "docs",      "cli",
    "tool",      "tools",     "plugin",   "title",    "label",     "button",    "icon",      "header",
    "logo",      "history",   "settings", "config",   "configs",   "key",       "connected", "container",
    "wrapper",   "modal",     "dialog",   "tooltip",  "section",   "panel",     "menu",      "handler",
    "service",   "module",    "package",  "types",    "schema",    "request",   "response",  "factory",
    "agent",     "app",       "web",      "desktop",  "extension", "template",  "parser",    "tokenizer",
    "nothink",   "think",     "url",      "endpoint", "host",      "secret",    "path",      "dir",
    "file",      "cpu",       "gpu"};

constexpr std::array<std::string_view, 30> kFileExtensions = {
    ".db",   ".json", ".py",   ".md",  ".txt",  ".yaml", ".yml",  ".png", ".jpg",  ".jpeg",
    ".svg",  ".html", ".js",   ".ts",  ".tsx",  ".go",   ".rs",   ".java", ".sh",  ".bin",
    ".pt",   ".pth",  ".onnx", ".css", ".toml", ".lock", ".log",  ".csv", ".ckpt", ".safetensors"};

}  // namespace

bool StemFits(std::string_view name, std::string_view stem, StemRule rule) {
  if (stem.empty() || name.size() <= stem.size() || name.compare(0, stem.size(), stem) != 0) return false;
  std::string_view rest = name.substr(stem.size());
  // "e5" + "01" is "e501" (a lint code), not E5: a stem ending in a digit
  // needs a separator.
  if (IsDigit(stem.back()) && !IsSeparator(rest[0])) return false;
  if (rule == StemRule::kAnyTail) {
    // "qwen2.5", "qwen-max", "deepseek_r1", "gemma:2b"; not "mistralai".
    if (!IsDigit(rest[0]) && !IsSeparator(rest[0])) return false;
    return rest.size() > 1 || IsDigit(rest[0]);
  }
  if (IsSeparator(rest[0]) && rest.size() > 1) rest.remove_prefix(1);
  return IsDigit(rest[0]);
}

bool HasNonModelShape(std::string_view name) {
  if (name.find("::") != std::string_view::npos || name.find("..") != std::string_view::npos) return true;
  for (std::string_view ext : kFileExtensions) {
    if (name.size() > ext.size() && name.compare(name.size() - ext.size(), ext.size(), ext) == 0) return true;
  }
  // GGUF metadata keys and dotted module paths: a dot followed by anything
  // but a digit (version dots are "2.5", "flux.1").
  for (size_t i = 0; i + 1 < name.size(); ++i) {
    if (name[i] == '.' && !IsDigit(name[i + 1])) return true;
  }
  size_t start = 0;
  for (size_t i = 0; i <= name.size(); ++i) {
    if (i == name.size() || IsSeparator(name[i]) || name[i] == '/') {
      std::string_view word = name.substr(start, i - start);
      for (std::string_view bad : kNonModelWords) {
        if (word == bad) return true;
      }
      start = i + 1;
    }
  }
  return false;
}

bool IsWebPageUrl(std::string_view url) {
  size_t scheme = url.find("://");
  size_t start = scheme == std::string_view::npos ? 0 : scheme + 3;
  size_t slash = url.find('/', start);
  if (slash == std::string_view::npos) return false;
  std::string path = ToLower(url.substr(slash));
  if (path == "/models" || path == "/models/") return true;
  for (std::string_view page : {"/docs", "/doc/", "/keys", "/console", "/pricing", "/login", "/signup", "/playground",
                                "/account", "/settings", "/models?", "/blog", "/dashboard", "/usercenter"}) {
    if (path.compare(0, page.size(), page) == 0) return true;
  }
  return false;
}

}  // namespace modelprov

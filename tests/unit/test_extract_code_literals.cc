#include <catch2/catch.hpp>

#include <vector>

#include "extract/code_literals.h"

using namespace modelprov;

namespace {

std::vector<StringLiteral> Scan(std::string_view text, const LanguageSyntax& syntax) {
  std::vector<StringLiteral> out;
  ScanStringLiterals(text, syntax, [&](const StringLiteral& l) { out.push_back(l); });
  return out;
}

}  // namespace

TEST_CASE("python: call, positional index, keyword and position", "[lexer]") {
  auto lits = Scan("m = AutoModel.from_pretrained(\"Qwen/Qwen2-7B\", revision='main')\n", PythonSyntax());
  REQUIRE(lits.size() == 2);
  CHECK(lits[0].value == "Qwen/Qwen2-7B");
  CHECK(lits[0].callee == "AutoModel.from_pretrained");
  CHECK(lits[0].arg_index == 0);
  CHECK(lits[0].key.empty());
  CHECK(lits[0].line == 1);
  CHECK(lits[0].column == 32);
  CHECK(lits[1].key == "revision");
  CHECK(lits[1].arg_index == -1);
}

TEST_CASE("python: comments and docstrings are not code", "[lexer]") {
  auto lits = Scan("# from_pretrained(\"a/b\")\n\"\"\"uses \"x/y\" somewhere\"\"\"\nx = 1\n", PythonSyntax());
  REQUIRE(lits.size() == 1);
  CHECK(lits[0].value == "uses \"x/y\" somewhere");
  CHECK(lits[0].line == 2);
}

TEST_CASE("python: assignment keys, annotations, lists and dicts", "[lexer]") {
  auto lits = Scan(
      "MODEL_ID: str = \"meta-llama/Llama-3.1-8B\"\n"
      "MODELS = [\n  \"a/b\",\n  \"c/d\",\n]\n"
      "cfg = {\"model\": \"gpt-4o\", \"temperature\": \"0.1\"}\n",
      PythonSyntax());
  REQUIRE(lits.size() == 7);
  CHECK(lits[0].key == "MODEL_ID");
  CHECK(lits[1].key == "MODELS");
  CHECK(lits[2].key == "MODELS");
  CHECK(lits[2].line == 4);
  CHECK(lits[4].value == "gpt-4o");
  CHECK(lits[4].key == "model");
  CHECK(lits[6].key == "temperature");
}

TEST_CASE("a dict key names an entry, not the enclosing key's value", "[lexer]") {
  auto lits = Scan(
      "PROMPTS = {\"action_model\": {\n  \"glm3\": {\"SYSTEM_PROMPT\": \"x\"},\n}}\n"
      "pick = {\"model\": \"gpt-4o\" if flag else \"gpt-4o-mini\"}\n",
      PythonSyntax());
  REQUIRE(lits.size() == 7);
  CHECK(lits[1].value == "glm3");
  CHECK(lits[1].key.empty());  // a key of the action_model dict, not its value
  CHECK(lits[3].value == "x");
  CHECK(lits[3].key == "SYSTEM_PROMPT");
  CHECK(lits[5].value == "gpt-4o");
  CHECK(lits[5].key == "model");
  CHECK(lits[6].key == "model");
}

TEST_CASE("python: statement end clears the key", "[lexer]") {
  auto lits = Scan("model = load()\nprint(\"x-1\")\n", PythonSyntax());
  REQUIRE(lits.size() == 1);
  CHECK(lits[0].key.empty());
  CHECK(lits[0].callee == "print");
}

TEST_CASE("python: f-strings are interpolated, prefixes understood", "[lexer]") {
  auto lits = Scan("a = f\"{org}/{name}\"\nb = rb'raw\\d'\n", PythonSyntax());
  REQUIRE(lits.size() == 2);
  CHECK(lits[0].interpolated);
  CHECK(lits[1].value == "raw\\d");
}

TEST_CASE("javascript: object keys inside calls, templates and regex", "[lexer]") {
  auto lits = Scan(
      "const r = /\"not a string/g;\n"
      "await client.chat.completions.create({\n  model: \"gpt-4o-mini\",\n  messages: [],\n});\n"
      "const t = `hi ${name}`;\n",
      JavaScriptSyntax());
  REQUIRE(lits.size() == 2);
  CHECK(lits[0].value == "gpt-4o-mini");
  CHECK(lits[0].key == "model");
  CHECK(lits[0].callee == "client.chat.completions.create");
  CHECK(lits[0].line == 3);
  CHECK(lits[1].interpolated);
}

TEST_CASE("javascript: // and /* */ comments are skipped", "[lexer]") {
  auto lits = Scan("// model: \"a\"\n/* \"b\" */ x(\"c\")\n", JavaScriptSyntax());
  REQUIRE(lits.size() == 1);
  CHECK(lits[0].value == "c");
}

TEST_CASE("hostile input: unterminated strings and deep nesting", "[lexer]") {
  std::string deep(100000, '(');
  deep += "\"x\"";
  auto lits = Scan(deep, PythonSyntax());
  REQUIRE(lits.size() == 1);
  CHECK(Scan("x = \"never closed\ny = 'a'", PythonSyntax()).size() == 1);
  CHECK(Scan("\"\"\"never closed", PythonSyntax()).empty());
  std::string junk;
  for (int i = 0; i < 256; ++i) junk.push_back(static_cast<char>(i));
  Scan(junk + junk, JavaScriptSyntax());  // must not crash
}

// Go, Java/Kotlin, Rust and C# through the shared lexer and literal rules:
// typical SDK call sites are found; comments, char/rune literals, lifetimes
// and unrelated strings are not.
#include <catch2/catch.hpp>

#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

namespace {
std::vector<std::string> Scan(const LanguageSyntax& syntax, const std::string& path, const std::string& text) {
  auto e = MakeCodeExtractor("test-source", {"**/*"}, syntax);
  return RunExtractor(*e, path, text);
}
}  // namespace

TEST_CASE("Go: struct literal fields, raw strings, runes", "[extract][languages]") {
  std::string src =
      "package main\n"
      "// Model: \"gpt-4o\" in a comment\n"
      "func main() {\n"
      "\treq := openai.ChatCompletionRequest{Model: \"deepseek-chat\", MaxTokens: 100}\n"
      "\tr := 'q'\n"
      "\tdsn := `host=db user=app`\n"
      "\tmodelID := `Qwen/Qwen2.5-7B-Instruct`\n"
      "\tcfg := qwenCfg{Name: \"qwen_cfg\"}\n"
      "}\n";
  CHECK(Scan(GoSyntax(), "main.go", src) == std::vector<std::string>{
                                                "4:46 api-model deepseek-chat ~ key=Model",
                                                "7:14 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ key=modelID",
                                            });
}

TEST_CASE("Java and Kotlin: builder setters and text blocks", "[extract][languages]") {
  std::string java =
      "class Bot {\n"
      "  ChatLanguageModel m = OpenAiChatModel.builder()\n"
      "      .apiKey(System.getenv(\"DASHSCOPE_API_KEY\"))\n"
      "      .modelName(\"qwen-max\")\n"
      "      .build();\n"
      "  char c = 'x';\n"
      "  /* .modelName(\"gpt-4o\") */\n"
      "  String prompt = \"\"\"\n"
      "      Answer like gpt-4o would.\n"
      "      \"\"\";\n"
      "  String user = \"User\";\n"
      "}\n";
  CHECK(Scan(JavaSyntax(), "Bot.java", java) == std::vector<std::string>{
                                                    "4:19 api-model qwen-max ~ call=modelName",
                                                });
  std::string kotlin =
      "val model = \"claude-3-5-sonnet-20241022\"\n"
      "println(\"done\")\n"
      "val llm = OllamaChatModel.builder().modelName(\"qwen2.5:7b\").build()\n";
  CHECK(Scan(JavaSyntax(), "App.kt", kotlin) == std::vector<std::string>{
                                                   "1:14 api-model claude-3-5-sonnet-20241022 ~ key=model",
                                                   "3:48 api-model qwen2.5:7b ~ call=modelName",
                                               });
}

TEST_CASE("Rust: builder .model(), raw strings, lifetimes, nested comments", "[extract][languages]") {
  std::string src =
      "fn main() -> Result<()> {\n"
      "    /* outer /* let m = \"gpt-4o-mini\"; */ still comment */\n"
      "    let request = CreateChatCompletionRequestArgs::default().model(\"gpt-4o\").build()?;\n"
      "    let s: &'static str = \"hello\";\n"
      "    let repo = api.model(r#\"Qwen/Qwen2.5-7B-Instruct\"#.to_string());\n"
      "    let c = 'm';\n"
      "}\n";
  CHECK(Scan(RustSyntax(), "main.rs", src) == std::vector<std::string>{
                                                  "3:69 api-model gpt-4o ~ call=model",
                                                  "5:29 hf-model-id Qwen/Qwen2.5-7B-Instruct ~ call=api.model",
                                              });
}

TEST_CASE("C#: named arguments, verbatim and interpolated strings", "[extract][languages]") {
  std::string src =
      "var client = new ChatClient(model: \"gpt-4o\", apiKey: key);\n"
      "var path = @\"C:\\models\\qwen\";\n"
      "var msg = $\"model {name} is gpt-4o\";\n"
      "char c = 'q';\n"
      "// new ChatClient(model: \"gpt-4o-mini\")\n";
  CHECK(Scan(CSharpSyntax(), "Chat.cs", src) == std::vector<std::string>{
                                                    "1:37 api-model gpt-4o ~ call=ChatClient key=model",
                                                });
}

TEST_CASE("Ruby and PHP: hash and slash comments, both quote styles", "[extract][languages]") {
  std::string rb =
      "# model: \"gpt-4o\" in a comment\n"
      "client.chat(parameters: { model: \"deepseek-chat\", messages: [] })\n"
      "name = 'qwen_cfg'\n";
  CHECK(Scan(RubySyntax(), "bot.rb", rb) ==
        std::vector<std::string>{"2:35 api-model deepseek-chat ~ call=client.chat key=model"});
  CHECK(Scan(RubySyntax(), "old.rb", "client.chat(parameters: { \"model\" => \"deepseek-chat\" })\n") ==
        std::vector<std::string>{"1:39 api-model deepseek-chat ~ call=client.chat key=model"});
  std::string php =
      "<?php\n"
      "// $model = 'gpt-4o';\n"
      "# 'claude-3-5-sonnet-20241022'\n"
      "$result = $client->chat()->create(['model' => 'qwen-max', 'messages' => $m]);\n";
  CHECK(Scan(PhpSyntax(), "bot.php", php) == std::vector<std::string>{"4:48 api-model qwen-max ~ call=create key=model"});
}

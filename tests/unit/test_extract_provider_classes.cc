#include <catch2/catch.hpp>

#include "core/provider_classes.h"
#include "extract/extractors.h"
#include "support/extract_helpers.h"

using namespace modelprov;
using namespace modelprov::testing;

TEST_CASE("provider classes instantiated in Python and TypeScript", "[extract][provider_classes]") {
  auto e = MakeProviderClassExtractor();
  std::string py =
      "from langchain_deepseek import ChatDeepSeek\n"
      "from langchain_community.chat_models import ChatZhipuAI, MoonshotChat\n"
      "llm = ChatDeepSeek(temperature=0)\n"
      "glm = ChatZhipuAI ()  # uses ZHIPUAI_API_KEY\n"
      "print(\"ChatDeepSeek(x) in a string\")\n"
      "# MoonshotChat() in a comment\n"
      "x = my.ChatTongyi()\n"
      "y = MyChatDeepSeek()\n"
      "def ChatDeepSeek(**kw):\n"
      "class MoonshotChat(Base):\n"
      "async def ChatTongyi():\n";
  CHECK(RunExtractor(*e, "app/chain.py", py) ==
        std::vector<std::string>{
            "3:7 sdk-package ChatDeepSeek ~ class=ChatDeepSeek package=langchain-deepseek",
            "4:7 sdk-package ChatZhipuAI ~ class=ChatZhipuAI package=langchain-community",
        });
  std::string ts =
      "import { ChatAnthropic } from \"@langchain/anthropic\";\n"
      "const m = new ChatAnthropic({ temperature: 0 });\n"
      "// new ChatOpenAI()\n"
      "function ChatAnthropic(opts) { return null; }\n";
  CHECK(RunExtractor(*e, "web/chain.ts", ts) ==
        std::vector<std::string>{"2:15 sdk-package ChatAnthropic ~ class=ChatAnthropic package=langchain-anthropic"});
}

TEST_CASE("every class in the table is found (the file prefilter's anchors cover them all)", "[extract][provider_classes]") {
  auto e = MakeProviderClassExtractor();
  for (const ProviderClass& c : kProviderClasses) {
    INFO(c.name);
    std::string code = "llm = " + std::string(c.name) + "()\n";
    CHECK(RunExtractor(*e, "a.py", code).size() == 1);
  }
}

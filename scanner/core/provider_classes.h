// LangChain / LlamaIndex classes that bind code to one hosted provider, with
// the package each comes from. The provider ids are the catalog's
// (seeds/providers.json); a class whose provider the catalog lacks resolves to
// nothing and is dropped. Vendor SDK clients (`Anthropic()`, `OpenAI()`,
// `ZhipuAI()`) are left out on purpose: their names are generic words, and
// the package manifest already reports the SDK.
// Lives in core/ because both the extractor (extract/provider_classes.cc)
// and the resolver (catalog/) read it.
#pragma once

#include <array>
#include <string_view>

namespace modelprov {

struct ProviderClass {
  std::string_view name;
  std::string_view package;
  std::string_view provider;
};

inline constexpr std::array<ProviderClass, 16> kProviderClasses = {{
    {"ChatDeepSeek", "langchain-deepseek", "deepseek"},
    {"ChatTongyi", "langchain-community", "alibaba-model-studio"},
    {"Tongyi", "langchain-community", "alibaba-model-studio"},
    {"DashScope", "llama-index-llms-dashscope", "alibaba-model-studio"},
    {"DashScopeEmbeddings", "langchain-community", "alibaba-model-studio"},
    {"ChatZhipuAI", "langchain-community", "zhipu-bigmodel"},
    {"MoonshotChat", "langchain-community", "moonshot"},
    {"QianfanChatEndpoint", "langchain-community", "baidu-qianfan"},
    {"QianfanLLMEndpoint", "langchain-community", "baidu-qianfan"},
    {"ChatOpenAI", "langchain-openai", "openai"},
    {"OpenAIEmbeddings", "langchain-openai", "openai"},
    {"AzureChatOpenAI", "langchain-openai", "azure-openai"},
    {"ChatAnthropic", "langchain-anthropic", "anthropic"},
    {"ChatGoogleGenerativeAI", "langchain-google-genai", "google-gemini"},
    {"GoogleGenerativeAIEmbeddings", "langchain-google-genai", "google-gemini"},
    {"ChatMistralAI", "langchain-mistralai", "mistral"},
}};

inline const ProviderClass* FindProviderClass(std::string_view name) {
  for (const ProviderClass& c : kProviderClasses) {
    if (c.name == name) return &c;
  }
  return nullptr;
}

}  // namespace modelprov

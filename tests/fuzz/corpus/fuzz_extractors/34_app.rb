"client.chat(parameters: { model: "deepseek-chat" }) # "gpt-4o"

"""Chat completion client.

We moved from OpenAI to a cheaper OpenAI-compatible endpoint in March; the
llama experiments mentioned in the design doc never shipped.
"""
import os

from openai import OpenAI

# The base URL decides who receives our customers' prompts.
client = OpenAI(
    api_key=os.environ["DEEPSEEK_API_KEY"],
    base_url="https://api.deepseek.com",
)


def answer(question: str) -> str:
    response = client.chat.completions.create(
        model="deepseek-chat",
        messages=[{"role": "user", "content": question}],
        temperature=0.2,
    )
    return response.choices[0].message.content


def fallback(question: str) -> str:
    # qwen_cfg is only a variable name; it is not a model reference.
    qwen_cfg = {"timeout": 30}
    alt = OpenAI(base_url="https://dashscope-intl.aliyuncs.com/compatible-mode/v1")
    return alt.chat.completions.create(model="qwen-max", messages=[], **qwen_cfg)

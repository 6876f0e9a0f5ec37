#!/bin/sh
vllm serve Qwen/Qwen2.5-7B-Instruct \
  --port 8000
ollama pull 'mistral:7b' # c
huggingface-cli download "BAAI/bge-m3"

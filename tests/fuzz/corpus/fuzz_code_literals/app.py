from transformers import pipeline
p = pipeline("text-generation", model="Qwen/Qwen2.5-7B-Instruct")
x = f"{a}/{b}"
s = """triple
"quoted"
"""
r = rb'raw\\'

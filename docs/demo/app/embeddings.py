from sentence_transformers import SentenceTransformer
from transformers import AutoModelForCausalLM, AutoTokenizer

EMBEDDER = SentenceTransformer("BAAI/bge-large-en-v1.5")

RERANK_MODEL_ID = "Qwen/Qwen2.5-7B-Instruct"


def load_reranker():
    tokenizer = AutoTokenizer.from_pretrained(RERANK_MODEL_ID)
    model = AutoModelForCausalLM.from_pretrained(RERANK_MODEL_ID, torch_dtype="auto")
    return tokenizer, model


def local_checkpoint():
    # A local folder is not a third-party model.
    return AutoModelForCausalLM.from_pretrained("./checkpoints/latest")

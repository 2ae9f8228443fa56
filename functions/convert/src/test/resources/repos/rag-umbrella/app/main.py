"""Retrieval-augmented generation API: embeddings in a vector store, answers from an LLM."""
from fastapi import FastAPI

app = FastAPI()

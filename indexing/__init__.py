"""The indexing pipeline: load, clean, chunk, link references, embed and store the corpus."""

"""policy-assistant: cited answers over the policy literature on municipal business development.

The package holds the settings, the shared domain types and errors, retrieval, answering and the
HTTP service. Importing it is cheap; heavy parts (models, Chroma, FastAPI) load where used.
"""

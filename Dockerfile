# One image for the API, the indexer and the Chroma server (the `chroma` command of the same
# chromadb the client uses, so server and client versions always match).
FROM python:3.11-slim
WORKDIR /app
COPY pyproject.toml README.md ./
COPY assistant assistant
COPY indexing indexing
COPY evals evals
COPY ui ui
RUN pip install --no-cache-dir .
ENV ANONYMIZED_TELEMETRY=False \
    POLICY_ASSISTANT_CORPUS__FOLDER=/corpus \
    POLICY_ASSISTANT_STORE__PATH=/var/lib/policy-assistant
EXPOSE 8000
CMD ["policy-assistant", "serve", "--host", "0.0.0.0", "--port", "8000"]

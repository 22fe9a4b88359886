"""A scripted OpenAI-compatible server on loopback: chat completions and embeddings.

Tests queue the replies the "model" gives (text, a slow reply, an HTTP error, malformed JSON, a
stream that breaks off) and read back every request body, so they can check the prompt. The
server is real HTTP in a thread, so the client, its timeouts and its parsing are exercised as in
production.

    with ScriptedOpenAIServer() as server:
        server.script(Reply("Kommunen er brobygger [1]."), Reply.error(500))
        settings = Settings(llm={"base_url": server.url + "/v1", "timeout": 2})
"""

from __future__ import annotations

import base64
import hashlib
import json
import queue
import struct
import threading
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from typing import Any

EMBEDDING_DIMENSION = 8


@dataclass(frozen=True)
class Reply:
    """What the server answers to the next chat request."""

    text: str = ""
    delay: float = 0.0  # seconds before anything is sent (for timeouts)
    status: int = 200
    raw: str | None = None  # a body sent as is instead of a proper completion
    chunk_size: int = 3  # characters per streamed chunk: small, so markers get split
    break_after: int | None = None  # stream this many chunks, then a malformed event

    @classmethod
    def error(cls, status: int = 500) -> Reply:
        """An HTTP error."""
        return cls(status=status, raw=json.dumps({"error": {"message": "scripted failure"}}))

    @classmethod
    def malformed(cls) -> Reply:
        """A 200 whose body is not JSON (and whose stream events are not JSON)."""
        return cls(raw='{"choices": [{"message": ')

    @classmethod
    def slow(cls, seconds: float, text: str = "Too late [1].") -> Reply:
        """A reply that starts only after a delay."""
        return cls(text=text, delay=seconds)


@dataclass(frozen=True)
class Recorded:
    """One request the server received."""

    path: str
    body: dict[str, Any]

    @property
    def messages(self) -> list[dict[str, Any]]:
        """The chat messages of a completion request."""
        return list(self.body.get("messages", []))

    def content(self, role: str) -> str:
        """The text of the messages with this role, joined."""
        return "\n".join(str(m.get("content", "")) for m in self.messages if m.get("role") == role)


def embedding_of(text: str, dimension: int = EMBEDDING_DIMENSION) -> list[float]:
    """The deterministic vector the server returns for a text."""
    digest = hashlib.sha256(text.encode()).digest()
    return [round((byte - 127.5) / 127.5, 4) for byte in digest[:dimension]]


class ScriptedOpenAIServer:
    """An OpenAI-compatible HTTP server on 127.0.0.1 with a queue of scripted replies."""

    def __init__(self) -> None:
        self.requests: list[Recorded] = []
        self._replies: queue.Queue[Reply] = queue.Queue()
        self._closing = threading.Event()
        self._httpd = ThreadingHTTPServer(("127.0.0.1", 0), _handler_for(self))
        self._httpd.daemon_threads = True
        self._thread = threading.Thread(target=self._httpd.serve_forever, daemon=True)
        self.url = f"http://127.0.0.1:{self._httpd.server_address[1]}"

    def __enter__(self) -> ScriptedOpenAIServer:
        self._thread.start()
        return self

    def __exit__(self, *_: object) -> None:
        self._closing.set()  # wakes handlers sleeping in a scripted delay
        self._httpd.shutdown()
        self._httpd.server_close()
        self._thread.join(timeout=5)

    def script(self, *replies: Reply | str) -> None:
        """Queue replies for the next chat requests, in order (a string is a text reply)."""
        for reply in replies:
            self._replies.put(Reply(reply) if isinstance(reply, str) else reply)

    def reset(self) -> None:
        """Forget the requests received and drop the replies not yet used."""
        self.requests.clear()
        while not self._replies.empty():
            self._replies.get_nowait()

    @property
    def pending(self) -> int:
        """Scripted replies not yet used."""
        return self._replies.qsize()

    @property
    def chat_requests(self) -> list[Recorded]:
        """The chat completion requests received so far."""
        return [r for r in self.requests if r.path.endswith("/chat/completions")]

    def next_reply(self) -> Reply:
        """The next scripted reply; an HTTP 500 when none is left, so surprises show."""
        try:
            return self._replies.get_nowait()
        except queue.Empty:
            return Reply(status=500, raw=json.dumps({"error": {"message": "no reply scripted"}}))

    def wait(self, seconds: float) -> None:
        """Sleep, unless the server is closing."""
        self._closing.wait(seconds)


def _handler_for(server: ScriptedOpenAIServer) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        protocol_version = "HTTP/1.1"

        def log_message(self, format: str, *args: Any) -> None:
            pass  # keep test output clean

        def do_POST(self) -> None:
            length = int(self.headers.get("Content-Length", 0))
            body = json.loads(self.rfile.read(length) or b"{}")
            server.requests.append(Recorded(self.path, body))
            try:
                if self.path.endswith("/chat/completions"):
                    self._chat(body, server.next_reply())
                elif self.path.endswith("/embeddings"):
                    self._embeddings(body)
                else:
                    self._send(404, json.dumps({"error": {"message": "not found"}}))
            except (BrokenPipeError, ConnectionResetError):
                pass  # the client gave up (a timeout test); nothing to tell it

        def _send(self, status: int, body: str, content_type: str = "application/json") -> None:
            data = body.encode()
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)

        def _chat(self, body: dict[str, Any], reply: Reply) -> None:
            if reply.delay:
                server.wait(reply.delay)
            if reply.status != 200 or (reply.raw is not None and not body.get("stream")):
                self._send(reply.status, reply.raw or "")
                return
            if body.get("stream"):
                self._stream(reply)
                return
            self._send(200, json.dumps(_completion(reply.text, body.get("model", "scripted"))))

        def _stream(self, reply: Reply) -> None:
            self.send_response(200)
            self.send_header("Content-Type", "text/event-stream")
            self.send_header("Connection", "close")
            self.end_headers()
            if reply.raw is not None:
                self._event(reply.raw)
                return
            size = max(1, reply.chunk_size)
            pieces = [reply.text[i : i + size] for i in range(0, len(reply.text), size)]
            for index, piece in enumerate(pieces):
                if reply.break_after is not None and index == reply.break_after:
                    self._event('{"choices": [{"delta": ')  # the stream breaks off mid-event
                    return
                self._event(json.dumps(_chunk({"content": piece})))
            self._event(json.dumps(_chunk({}, finish="stop")))
            self._event("[DONE]")

        def _event(self, data: str) -> None:
            self.wfile.write(f"data: {data}\n\n".encode())
            self.wfile.flush()

        def _embeddings(self, body: dict[str, Any]) -> None:
            inputs = body.get("input", [])
            texts = [inputs] if isinstance(inputs, str) else [str(i) for i in inputs]
            as_base64 = body.get("encoding_format") == "base64"
            data = []
            for index, text in enumerate(texts):
                vector = embedding_of(text)
                encoded: Any = vector
                if as_base64:  # the openai client asks for base64 floats by default
                    raw = struct.pack(f"<{len(vector)}f", *vector)
                    encoded = base64.b64encode(raw).decode()
                data.append({"object": "embedding", "index": index, "embedding": encoded})
            self._send(
                200,
                json.dumps(
                    {
                        "object": "list",
                        "data": data,
                        "model": body.get("model", "scripted"),
                        "usage": {"prompt_tokens": 0, "total_tokens": 0},
                    }
                ),
            )

    return Handler


def _completion(text: str, model: str) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion",
        "created": 0,
        "model": model,
        "choices": [
            {
                "index": 0,
                "message": {"role": "assistant", "content": text},
                "finish_reason": "stop",
            }
        ],
        "usage": {"prompt_tokens": 0, "completion_tokens": 0, "total_tokens": 0},
    }


def _chunk(delta: dict[str, Any], finish: str | None = None) -> dict[str, Any]:
    return {
        "id": "chatcmpl-scripted",
        "object": "chat.completion.chunk",
        "created": 0,
        "model": "scripted",
        "choices": [{"index": 0, "delta": delta, "finish_reason": finish}],
    }

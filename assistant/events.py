"""The events of a streamed answer, shared by the service, the SSE route and the client.

    start   the standalone question the service searches for, and the question's language
    delta   a piece of answer text (the pieces spell the answer)
    reset   drop the text streamed so far: the language model failed, the extractive answer follows
    answer  the whole answer with its citations, as `/ask` returns it (always the last event)
    error   the request failed after the stream began (an RFC 9457 problem, without `type`)

On the wire each event is one server-sent event: ``event: <name>`` and ``data: <JSON>``, where
the JSON is the event's payload (for `answer`, the `Answer` itself).
"""

from __future__ import annotations

import json
from typing import Annotated, Any, Literal

from pydantic import BaseModel, Field, TypeAdapter

from assistant.domain import Answer


class StartEvent(BaseModel):
    """The answer begins: what is searched for, in which language it is answered."""

    event: Literal["start"] = "start"
    standalone_question: str
    language: str


class DeltaEvent(BaseModel):
    """A piece of the answer's text."""

    event: Literal["delta"] = "delta"
    text: str


class ResetEvent(BaseModel):
    """Text streamed so far is void (the model failed); the extractive answer follows."""

    event: Literal["reset"] = "reset"
    reason: str


class AnswerEvent(BaseModel):
    """The complete answer; the last event of a stream that succeeded."""

    event: Literal["answer"] = "answer"
    answer: Answer


class ErrorEvent(BaseModel):
    """The request failed after the stream began."""

    event: Literal["error"] = "error"
    title: str
    status: int
    detail: str
    error: str | None = Field(None, description="Name of the error class, e.g. 'LLMError'.")


AnswerStreamEvent = Annotated[
    StartEvent | DeltaEvent | ResetEvent | AnswerEvent | ErrorEvent, Field(discriminator="event")
]
_EVENT: TypeAdapter[AnswerStreamEvent] = TypeAdapter(AnswerStreamEvent)


def payload(event: AnswerStreamEvent) -> dict[str, Any]:
    """The JSON data an event carries on the wire."""
    if isinstance(event, AnswerEvent):
        return event.answer.model_dump(mode="json")
    return event.model_dump(mode="json", exclude={"event"})


def to_sse(event: AnswerStreamEvent) -> str:
    """One server-sent event."""
    data = json.dumps(payload(event), ensure_ascii=False)
    return f"event: {event.event}\ndata: {data}\n\n"


def from_wire(name: str, data: dict[str, Any]) -> AnswerStreamEvent:
    """The typed event for a server-sent event's name and JSON data."""
    if name == "answer":
        return AnswerEvent(answer=Answer.model_validate(data))
    return _EVENT.validate_python({**data, "event": name})

"""FetchTimeMiddleware stamps `request.meta["fetched_at"]`: the reference instant for relative dates ("Сегодня, 11:16")
in everything extracted from that response. Replayed responses (kznews.downloadermiddlewares.warc) keep the
recorded time."""

from __future__ import annotations

from datetime import UTC, datetime

REPLAY_FLAG = "replay"


class FetchTimeMiddleware:
    def process_response(self, request, response):
        if REPLAY_FLAG not in response.flags:
            request.meta["fetched_at"] = datetime.now(UTC)
        return response


def fetched_at(response) -> datetime:
    """When this response was fetched (the recorded time for replayed responses)."""
    value = response.meta.get("fetched_at")
    return value if isinstance(value, datetime) else datetime.now(UTC)

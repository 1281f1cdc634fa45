"""When MongoDB stays down: articles go to a local spill file, and `python -m kznews load-spill FILE` loads them later.

MongoPipeline keeps unwritten articles in memory while the database is down, up to KZNEWS_SPILL_AFTER documents;
past that bound, and at the end of a run whose database never came back, they are appended here. A spill file is
JSON lines in MongoDB Extended JSON (datetimes stay exact instants), one article per line, written with fsync, in
KZNEWS_SPILL_DIR (default `.local/spill/`), one file per run: `{spider}-{UTC time}-{pid}.jsonl`.

Loading is idempotent and never goes backwards: each article is upserted by `url` only if the stored one was not
fetched later (`ArticleStore.upsert_if_newer`), so loading a file twice stores each article once, and a file loaded
after the article was crawled again does not overwrite the newer version. A line that is not a complete document
(a run killed mid-write) is skipped and counted. When the database comes back during the run, the run takes its
own spill file back batch by batch (SpillFile.read_from: from where the last batch ended, while new lines may still be
appended), through the same writes as fresh articles; a file taken back whole is renamed `*.loaded` at the end.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable, Iterator
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from bson import json_util
from bson.json_util import JSONMode, JSONOptions

ROOT = Path(__file__).resolve().parents[2]
DEFAULT_DIR = ROOT / ".local" / "spill"
JSON_OPTIONS = JSONOptions(json_mode=JSONMode.RELAXED, tz_aware=True, tzinfo=UTC)


def spill_dir(setting: str | None) -> Path:
    return Path(setting) if setting else DEFAULT_DIR


class SpillFile:
    """Append-only spill file of one run, created on first write."""

    def __init__(self, directory: Path | str, name: str):
        self.directory = Path(directory)
        stamp = datetime.now(UTC).strftime("%Y%m%dT%H%M%SZ")
        self.path = self.directory / f"{name}-{stamp}-{os.getpid()}.jsonl"
        self.written = 0
        self.size = 0  # bytes written: the end of the last complete line, where a reader may stop

    def write(self, documents: Iterable[dict[str, Any]]) -> int:
        lines = [json_util.dumps(_storable(doc), json_options=JSON_OPTIONS) + "\n" for doc in documents]
        if not lines:
            return 0
        self.directory.mkdir(parents=True, exist_ok=True)
        data = "".join(lines).encode("utf-8")
        with self.path.open("ab") as stream:
            stream.write(data)
            stream.flush()
            os.fsync(stream.fileno())
        self.written += len(lines)
        self.size += len(data)
        return len(lines)

    def read_from(self, offset: int, end: int, limit: int) -> tuple[list[dict[str, Any]], int, int]:
        """Up to `limit` documents from byte `offset` up to byte `end` (a `size` seen earlier, so only complete
        lines, even while another thread appends): (documents, the offset after them, unreadable lines skipped)."""
        documents: list[dict[str, Any]] = []
        invalid = 0
        with self.path.open("rb") as stream:
            stream.seek(offset)
            while offset < end and len(documents) < limit:
                line = stream.readline()
                if not line:
                    break
                offset += len(line)
                doc = _document(line.decode("utf-8", "replace"))
                if doc is None:
                    invalid += line.strip() != b""
                    continue
                documents.append(doc)
        return documents, offset, invalid

    def __bool__(self) -> bool:
        return self.written > 0


def _storable(doc: dict[str, Any]) -> dict[str, Any]:
    return {k: v for k, v in doc.items() if k != "_id"}


def read_spill(path: Path | str, invalid: list[int] | None = None) -> Iterator[dict[str, Any]]:
    """The documents of a spill file; numbers of unreadable lines are appended to `invalid`."""
    with Path(path).open(encoding="utf-8") as stream:
        for number, line in enumerate(stream, 1):
            if not line.strip():
                continue
            doc = _document(line)
            if doc is None:
                if invalid is not None:
                    invalid.append(number)
                continue
            yield doc


def _document(line: str) -> dict[str, Any] | None:
    """The article on a line of a spill file, or None for a line that is not one (cut short by a kill)."""
    try:
        doc = json_util.loads(line, json_options=JSON_OPTIONS)
    except (ValueError, TypeError, json.JSONDecodeError):
        return None
    return doc if isinstance(doc, dict) and isinstance(doc.get("url"), str) else None


def load_spill(store, path: Path | str, batch_size: int = 500) -> dict[str, Any]:
    """Upsert the articles of a spill file into `store` (kznews.storage.ArticleStore); returns counts."""
    invalid: list[int] = []
    totals = {"read": 0, "inserted": 0, "updated": 0, "unchanged": 0, "stale": 0}
    batch: list[dict[str, Any]] = []

    def flush() -> None:
        if not batch:
            return
        result = store.upsert_if_newer(batch)
        for key in ("inserted", "updated", "unchanged", "stale"):
            totals[key] += result[key]
        batch.clear()

    for doc in read_spill(path, invalid):
        totals["read"] += 1
        batch.append(doc)
        if len(batch) >= batch_size:
            flush()
    flush()
    return {"file": str(path), **totals, "invalid_lines": len(invalid)}

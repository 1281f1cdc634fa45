"""Exports of articles to files the readers' tools open (pandas, DuckDB, Spark): `python -m kznews export`.

This package only writes: it gets an iterable of documents (kznews.storage.pulls reads them) and writes them as it
goes, in one of the formats of kznews.export.writers, to a file or to a directory partitioned as
`site=<site>/lang=<lang>/month=<YYYY-MM>/part-*.<format>` (the Hive layout those tools read as one table; `site`
and `lang` are then in the path, not in the files; `month` is the Almaty month of publication, `unknown` without a
date).

Nothing half-written ever has a final name: a file is written under a temporary name next to it and renamed when
complete; a directory's part files are written in a `_tmp-*` directory inside it (tools skip names starting with
`_`) and each is renamed into its partition when all are complete. An export that fails or is interrupted removes
its temporary files (a SIGKILL leaves them, never a final name). Part names are unique per export, so repeated
incremental pulls add files to the same dataset.
"""

from __future__ import annotations

import contextlib
import os
import shutil
import uuid
from collections import OrderedDict
from collections.abc import Iterable
from datetime import UTC, datetime
from pathlib import Path

from kznews.dates import to_almaty
from kznews.export.columns import Column, columns
from kznews.export.writers import FORMATS, SUFFIXES, format_of, open_writer

__all__ = ["FORMATS", "columns", "export_to_directory", "export_to_file", "export_to_stream", "format_of"]

MAX_OPEN_PARTS = 16  # partitions with an open file; past it the least recently written one is finished


def _token(now: datetime) -> str:
    return now.astimezone(UTC).strftime("%Y%m%dT%H%M%S") + "-" + uuid.uuid4().hex[:8]


def export_to_stream(documents: Iterable[dict], binary, fmt: str, cols: list[Column]) -> int:
    """Write documents to an open binary stream (stdout); how many."""
    writer = open_writer(fmt, binary, cols)
    count = 0
    try:
        for doc in documents:
            writer.write(doc)
            count += 1
    except BaseException:
        _abandon(writer)
        raise
    writer.close()
    return count


def _abandon(writer) -> None:
    """Close a writer whose output is being thrown away (errors closing it do not matter then)."""
    with contextlib.suppress(Exception):
        writer.close()


def export_to_file(documents: Iterable[dict], path: Path, fmt: str, cols: list[Column], now: datetime) -> int:
    """Write documents to `path` through a temporary name; how many."""
    temporary = path.with_name(f".{path.name}.tmp-{_token(now)}")
    try:
        with open(temporary, "wb") as binary:
            count = export_to_stream(documents, binary, fmt, cols)
        os.replace(temporary, path)
    except BaseException:
        temporary.unlink(missing_ok=True)
        raise
    return count


def partition_of(doc: dict) -> tuple[str, str, str]:
    published = doc.get("published_at")
    month = to_almaty(published).strftime("%Y-%m") if published is not None else "unknown"
    return (f"site={doc.get('site')}", f"lang={doc.get('lang')}", f"month={month}")


def export_to_directory(documents: Iterable[dict], directory: Path, fmt: str, cols: list[Column],
                        now: datetime) -> int:
    """Write documents as part files of a partitioned directory (see the module doc); how many."""
    token = _token(now)
    staging = directory / f"_tmp-{token}"
    in_file = [col for col in cols if col.name not in ("site", "lang")]  # they are in the path
    suffix = SUFFIXES[fmt]
    open_parts: OrderedDict[tuple[str, ...], tuple] = OrderedDict()
    numbers: dict[tuple[str, ...], int] = {}
    written: list[Path] = []
    count = 0

    def finish(partition):
        writer, binary = open_parts.pop(partition)
        writer.close()
        binary.close()

    created = not directory.exists()
    try:
        staging.mkdir(parents=True)
        for doc in documents:
            partition = partition_of(doc)
            if partition not in open_parts:
                if len(open_parts) >= MAX_OPEN_PARTS:
                    finish(next(iter(open_parts)))
                number = numbers.get(partition, 0)
                numbers[partition] = number + 1
                path = staging.joinpath(*partition, f"part-{token}-{number:05d}{suffix}")
                path.parent.mkdir(parents=True, exist_ok=True)
                binary = open(path, "wb")  # noqa: SIM115 (closed by finish() or below)
                open_parts[partition] = (open_writer(fmt, binary, in_file), binary)
                written.append(path)
            else:
                open_parts.move_to_end(partition)
            open_parts[partition][0].write(doc)
            count += 1
        while open_parts:
            finish(next(iter(open_parts)))
        for path in written:
            final = directory / path.relative_to(staging)
            final.parent.mkdir(parents=True, exist_ok=True)
            os.replace(path, final)
    except BaseException:
        if created:  # a directory this export made holds nothing of a failed one
            shutil.rmtree(directory, ignore_errors=True)
        raise
    finally:
        for writer, binary in open_parts.values():
            _abandon(writer)
            binary.close()
        shutil.rmtree(staging, ignore_errors=True)
    return count

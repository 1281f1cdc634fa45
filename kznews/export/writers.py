"""One writer per format, each writing documents to one open file: JSON Lines (optionally gzip), CSV, Parquet.
A writer buffers at most one row group (Parquet) and writes as it goes, so memory stays bounded."""

from __future__ import annotations

import csv
import gzip
import io
import json
from typing import IO, Any

from kznews.export.columns import Column, json_document, json_value

FORMATS = ("jsonl", "jsonl.gz", "csv", "parquet")
SUFFIXES = {"jsonl": ".jsonl", "jsonl.gz": ".jsonl.gz", "csv": ".csv", "parquet": ".parquet"}
ROW_GROUP = 5000


def format_of(path: str) -> str | None:
    """The format a file name implies, or None."""
    for name, suffix in sorted(SUFFIXES.items(), key=lambda item: -len(item[1])):
        if path.endswith(suffix):
            return name
    return None


class JsonLinesWriter:
    def __init__(self, binary: IO[bytes], cols: list[Column], compress: bool = False):
        self.raw = gzip.GzipFile(fileobj=binary, mode="wb") if compress else None
        self.text = io.TextIOWrapper(self.raw or binary, encoding="utf-8", newline="\n")
        self.cols = cols

    def write(self, doc: dict) -> None:
        self.text.write(json.dumps(json_document(doc, self.cols), ensure_ascii=False))
        self.text.write("\n")

    def close(self) -> None:
        self.text.flush()
        self.text.detach()
        if self.raw is not None:
            self.raw.close()


class CsvWriter:
    """One row per document; lists and objects are JSON text, null and absent fields empty."""

    def __init__(self, binary: IO[bytes], cols: list[Column]):
        self.text = io.TextIOWrapper(binary, encoding="utf-8", newline="")
        self.cols = cols
        self.csv = csv.writer(self.text)
        self.csv.writerow([col.name for col in cols])

    def write(self, doc: dict) -> None:
        self.csv.writerow([_csv_cell(json_value(doc.get(col.name))) for col in self.cols])

    def close(self) -> None:
        self.text.flush()
        self.text.detach()


def _csv_cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list | dict):
        return json.dumps(value, ensure_ascii=False)
    return str(value)


def arrow_schema(cols: list[Column]):
    import pyarrow as pa

    timestamp = pa.timestamp("ms", tz="UTC")
    copy = pa.struct([("url", pa.string()), ("site", pa.string()), ("lang", pa.string()), ("title", pa.string()),
                      ("published_at", timestamp), ("similarity", pa.float64())])
    types = {"string": pa.string(), "string[]": pa.list_(pa.string()), "number": pa.float64(),
             "integer": pa.int64(), "datetime": timestamp,
             "object": pa.string(),  # JSON text: its keys vary (the `source` of an archived copy)
             "copies": pa.list_(copy)}
    return pa.schema([(col.name, types[col.type]) for col in cols])


class ParquetWriter:
    def __init__(self, binary: IO[bytes], cols: list[Column], row_group: int = ROW_GROUP):
        import pyarrow.parquet as pq

        self.cols = cols
        self.schema = arrow_schema(cols)
        self.writer = pq.ParquetWriter(binary, self.schema, compression="zstd")
        self.rows: dict[str, list] = {col.name: [] for col in cols}
        self.buffered = 0
        self.row_group = row_group

    def write(self, doc: dict) -> None:
        for col in self.cols:
            value = doc.get(col.name)
            if col.type == "object" and value is not None:
                value = json.dumps(json_value(value), ensure_ascii=False)
            self.rows[col.name].append(value)
        self.buffered += 1
        if self.buffered >= self.row_group:
            self.flush()

    def flush(self) -> None:
        import pyarrow as pa

        if self.buffered:
            self.writer.write_table(pa.Table.from_pydict(self.rows, schema=self.schema))
            self.rows = {col.name: [] for col in self.cols}
            self.buffered = 0

    def close(self) -> None:
        self.flush()
        self.writer.close()


def open_writer(fmt: str, binary: IO[bytes], cols: list[Column]):
    if fmt in ("jsonl", "jsonl.gz"):
        return JsonLinesWriter(binary, cols, compress=fmt == "jsonl.gz")
    if fmt == "csv":
        return CsvWriter(binary, cols)
    if fmt == "parquet":
        return ParquetWriter(binary, cols)
    raise ValueError(f"unknown format {fmt!r}; known: {', '.join(FORMATS)}")

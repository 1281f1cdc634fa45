"""The columns of an export, derived from the article schema (kznews.schema), and the JSON form of a document.

Every field of the schema is a column, in the schema's order; a stories export adds `copies` (the other articles of
the story). Datetimes are aware: UTC timestamps in Parquet, ISO 8601 with the Asia/Almaty offset in JSON and CSV,
like the rest of the project.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from kznews.dates import to_almaty
from kznews.schema import ARTICLE_FIELDS


@dataclass(frozen=True)
class Column:
    name: str
    type: str  # a kznews.schema type, or "copies"


def columns(stories: bool = False) -> list[Column]:
    found = [Column(field.name, field.type) for field in ARTICLE_FIELDS]
    if stories:
        found.append(Column("copies", "copies"))
    return found


def json_value(value: Any) -> Any:
    """A stored value as JSON has it: datetimes as ISO 8601 with the Almaty offset, inside lists and objects too."""
    if isinstance(value, datetime):
        return to_almaty(value).isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, dict):
        return {key: json_value(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [json_value(item) for item in value]
    return value


def json_document(doc: dict, cols: list[Column]) -> dict:
    """The document's columns in order, in JSON form; a field the document does not have stays absent."""
    return {col.name: json_value(doc[col.name]) for col in cols if col.name in doc}

"""Feed exporters that keep datetimes exact: ISO 8601 with the Asia/Almaty offset of the instant
(Scrapy's own JSON encoder drops the offset)."""

from __future__ import annotations

import datetime as dt
import json

from scrapy.exporters import JsonItemExporter, JsonLinesItemExporter
from scrapy.utils.serialize import ScrapyJSONEncoder

from kznews.dates import to_almaty


class IsoJSONEncoder(ScrapyJSONEncoder):
    def default(self, o):
        if isinstance(o, dt.datetime):
            return to_almaty(o).isoformat() if o.tzinfo else o.isoformat()
        if isinstance(o, dt.date):
            return o.isoformat()
        return super().default(o)


def _iso(encoder: json.JSONEncoder) -> IsoJSONEncoder:
    """The same encoder (the options Scrapy built it with, read from its public attributes), with exact datetimes."""
    return IsoJSONEncoder(
        skipkeys=encoder.skipkeys, ensure_ascii=encoder.ensure_ascii, check_circular=encoder.check_circular,
        allow_nan=encoder.allow_nan, sort_keys=encoder.sort_keys, indent=encoder.indent,
        separators=(encoder.item_separator, encoder.key_separator),
    )


class IsoJsonLinesItemExporter(JsonLinesItemExporter):
    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        self.encoder = _iso(self.encoder)


class IsoJsonItemExporter(JsonItemExporter):
    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        self.encoder = _iso(self.encoder)


def dumps(obj) -> str:
    """One JSON document with the same datetime convention (used by the command-line tools)."""
    return json.dumps(obj, cls=IsoJSONEncoder, ensure_ascii=False)

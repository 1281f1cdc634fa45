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


def _encoder_kwargs(kwargs: dict) -> dict:
    kwargs.setdefault("ensure_ascii", False)
    return kwargs


class IsoJsonLinesItemExporter(JsonLinesItemExporter):
    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        self.encoder = IsoJSONEncoder(**_encoder_kwargs(self._kwargs))


class IsoJsonItemExporter(JsonItemExporter):
    def __init__(self, file, **kwargs):
        super().__init__(file, **kwargs)
        self.encoder = IsoJSONEncoder(**_encoder_kwargs(self._kwargs))


def dumps(obj) -> str:
    """One JSON document with the same datetime convention (used by the command-line tools)."""
    return json.dumps(obj, cls=IsoJSONEncoder, ensure_ascii=False)

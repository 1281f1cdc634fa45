"""SyndicationPipeline: the outlet a reprint credits and the hash of the normalised body (kznews.syndication)."""

from __future__ import annotations

from itemadapter import ItemAdapter

from kznews.pipelines.base import StatsPipeline
from kznews.stats import CREDITED
from kznews.syndication import body_fingerprint, detect_attribution


class SyndicationPipeline(StatsPipeline):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        body = adapter.get("body") or ""
        adapter["body_hash"] = body_fingerprint(body)
        adapter["credited_source"] = detect_attribution(body, adapter.get("lang"), own_site=adapter.get("site"))
        if adapter["credited_source"]:
            self.stats.inc_value(CREDITED(site=adapter["site"]))
        return item

"""SyndicationPipeline: what the final body says about itself: the outlet a reprint credits, the hash of the
normalised body (kznews.syndication), and the language and script of the text (kznews.textlang)."""

from __future__ import annotations

from itemadapter import ItemAdapter

from kznews.pipelines.base import StatsPipeline
from kznews.stats import CREDITED
from kznews.syndication import body_fingerprint, detect_attribution
from kznews.textlang import detect_text


class SyndicationPipeline(StatsPipeline):
    def process_item(self, item):
        adapter = ItemAdapter(item)
        body = adapter.get("body") or ""
        adapter["body_hash"] = body_fingerprint(body)
        adapter["credited_source"] = detect_attribution(body, adapter.get("lang"), own_site=adapter.get("site"))
        if adapter["credited_source"]:
            self.stats.inc_value(CREDITED(site=adapter["site"]))
        # By the text, not the edition: Kazakh editions carry Russian texts and the other way round.
        language = detect_text(body, adapter.get("title"))
        adapter["text_lang"] = language.lang
        adapter["script"] = language.script
        return item

"""Test support: the store pipeline with a bug injected into reprint linking (a stand-in for any bug in kznews' own
storage code that is not a database outage). Used with
-s ITEM_PIPELINES=... replacing kznews.pipelines.store.MongoPipeline by LinkingBugPipeline."""

from __future__ import annotations

import json

from kznews.pipelines.store import MongoPipeline
from kznews.settings.registry import BY_NAME


class LinkingBugPipeline(MongoPipeline):
    async def open_spider(self):
        await super().open_spider()

        def broken(documents):
            raise RuntimeError("injected bug in reprint linking")

        self.store.link_reprints = broken


def item_pipelines() -> str:
    """ITEM_PIPELINES (JSON, for -s) with the store pipeline replaced by LinkingBugPipeline."""
    pipelines = dict(BY_NAME["ITEM_PIPELINES"].default)
    pipelines[f"{__name__}.LinkingBugPipeline"] = pipelines.pop("kznews.pipelines.store.MongoPipeline")
    return json.dumps(pipelines)

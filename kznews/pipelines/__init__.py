"""Item pipelines, one job each, in this order (ITEM_PIPELINES, kznews.settings):

1. validate.ValidatePipeline        drops what is not an article (no title, no body, no URL), counting the reason.
2. dates.DatesPipeline              makes every datetime exact: aware, in Asia/Almaty, never in the future, read
                                    from `published_at_text` by the date engine when extraction could not.
3. dedupe.DedupePipeline            one item per canonical URL per run; counts items and field coverage.
4. syndication.SyndicationPipeline  the credited source of a reprint and the body's hash (kznews.syndication),
                                    the text's language and script (kznews.textlang).
5. store.MongoPipeline              batched writes on a writer thread (kznews.storage owns the database),
                                    retried through outages, spilled to a local file past a bound.
"""

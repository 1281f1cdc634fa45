"""The article schema, defined once: every field of a stored article with its type and meaning.

The other forms are derived from `ARTICLE_FIELDS`: the `Article` item (kznews.items), what the spider copies from
an extraction into the item, the fields whose coverage the crawl counts and the monitors judge, and the table in
README.md ("The articles collection"; `python -m kznews schema`, kept in sync by a test). It is plain data, so
other tools (a JSON Schema, a schema version) can be generated from it.

Types are those of the stored document: `string`, `string[]`, `number`, `datetime` (an aware instant: a BSON
date in MongoDB, ISO 8601 with the Asia/Almaty offset in JSON), `object` (a small document, its keys described in
the field's doc). `nullable`: the value may be null. `presence`:
`always` (every document has the field) or `optional` (absent when it does not apply). `filled_by`: who writes it
(`extract` from the page, `spider` from the crawl, `pipeline`, `storage`).
"""

from __future__ import annotations

from dataclasses import dataclass

TYPES = ("string", "string[]", "number", "integer", "datetime", "object")

# The version of the article document's shape, stored in every document (`schema_version`) and named in
# docs/schema.json. Raise it when a field changes type or meaning or goes away (new optional fields need not).
SCHEMA_VERSION = 1


@dataclass(frozen=True)
class Field:
    name: str
    type: str
    nullable: bool
    doc: str
    filled_by: str  # extract | spider | pipeline | storage
    presence: str = "always"  # always | optional
    coverage: bool = False  # the crawl counts how many articles have it (kznews/coverage/{site}/{field})

    @property
    def in_item(self) -> bool:
        """Part of the Article item (what crawls yield and feed exports write); the rest only storage writes."""
        return self.filled_by != "storage"


ARTICLE_FIELDS: tuple[Field, ...] = (
    Field("url", "string", False,
          "canonical URL (https, no tracking parameters, no AMP suffix; unique index)", "extract"),
    Field("site", "string", False, "spider/registry name, e.g. `tengrinews`", "spider"),
    Field("lang", "string", False, "edition language: `ru`, `kk` or `en`", "spider"),
    Field("title", "string", False, "headline", "extract", coverage=True),
    Field("summary", "string", True,
          "the lead, when the page marks one (SEO templates are not summaries)", "extract", coverage=True),
    Field("body", "string", False,
          "clean article text, paragraphs separated by a blank line; no promos, related links, tag lists, share "
          "buttons or photo credits", "extract", coverage=True),
    Field("authors", "string[]", False, "person names", "extract", coverage=True),
    Field("section", "string", True, "the site's rubric", "extract", coverage=True),
    Field("tags", "string[]", False, "the site's tags", "extract", coverage=True),
    Field("images", "string[]", False, "absolute image URLs, lead image first", "extract", coverage=True),
    Field("published_at", "datetime", True,
          "exact publication instant; null when the page gives none rather than a guess", "extract", coverage=True),
    Field("modified_at", "datetime", True, "last modification the page declares", "extract", coverage=True),
    Field("published_at_text", "string", True, "the raw string `published_at` was read from", "extract"),
    Field("published_at_source", "string", True,
          "where `published_at` came from: the page's `jsonld`, `meta`, `layout`, `visible`, ... (the extractor's "
          "source), `list` (the list, feed or sitemap that linked the page, when the page gives no time), `text` "
          "(`published_at_text` read again against the fetch time); null when `published_at` is null", "spider"),
    Field("notes", "string[]", False,
          "what the extractor noticed on the page: `offset_corrected` (the page printed a wrong UTC offset, as "
          "tengrinews' +06:00 since March 2024: `published_at` is the corrected instant and differs from "
          "`published_at_text` by that hour), `published_day_only` (the page names only the day), "
          "`unparsed_date`, `future_date:SOURCE`, `ancient_date:SOURCE` (a date source dropped as absurd), "
          "`truncated`; and the crawl's `list_date_disagrees` (the list's time differs from the page's by an "
          "hour or more; the page wins)", "extract"),
    Field("fetched_at", "datetime", False,
          "when the page was fetched (the recorded time when replayed from WARC; the capture time for an archived "
          "copy)", "spider"),
    Field("fetched_url", "string", False, "the URL actually fetched", "spider"),
    Field("layout", "string", True,
          "the markup version that parsed the page (null: structured data and heuristics only)", "extract"),
    Field("credited_source", "string", True,
          "the outlet the text credits as its source (\"Источник: Казинформ\" -> `inform`; another outlet's "
          "normalised name when it is not one of ours); null for own reporting", "pipeline"),
    Field("text_lang", "string", True,
          "language of the text itself, detected from the body (the title when the body says too little): `kk`, "
          "`ru` or `en`; may differ from `lang` (a Russian text in a Kazakh edition); null for another language",
          "pipeline"),
    Field("script", "string", True,
          "script of the text: `Cyrl` or `Latn` (Latin-script Kazakh, English); null when it has no letters",
          "pipeline"),
    Field("body_hash", "string", False, "hash of the normalised body; one document per body and site", "pipeline"),
    Field("aliases", "string[]", False,
          "other URLs of the same site that carry the same body (an article under two sections)", "storage",
          presence="optional"),
    Field("cluster_id", "string", False,
          "URL of the earliest article of the story: near copies across sites (reprints) share it; "
          "`cluster_id == url` for an original or an article nobody reprinted", "storage"),
    Field("similar_to", "string", False,
          "for a reprint: the earlier article it copies", "storage", presence="optional"),
    Field("similarity", "number", False,
          "for a reprint: the share of its text found in `similar_to` (0-1)", "storage", presence="optional"),
    Field("source", "object", False,
          "where the page came from: `{\"kind\": \"site\"}`, or an archived copy: `{\"kind\": \"commoncrawl\", \"id\": "
          "crawl id, \"file\", \"offset\", \"length\", \"digest\"}`, `{\"kind\": \"wayback\", \"id\": capture timestamp, "
          "\"url\", \"digest\"}` (docs/archives.md); an archived copy never replaces one fetched later", "spider",
          presence="optional"),
    Field("first_seen_at", "datetime", False, "when kznews first stored the document", "storage"),
    Field("updated_at", "datetime", False,
          "when kznews last wrote the document (the database server's clock; with `_id` the order of incremental "
          "pulls, docs/exports.md)", "storage"),
    Field("schema_version", "integer", False,
          "the version of this document's shape (`kznews.schema.SCHEMA_VERSION`, docs/schema.json)", "storage"),
)

BY_NAME: dict[str, Field] = {f.name: f for f in ARTICLE_FIELDS}
ITEM_FIELDS: tuple[str, ...] = tuple(f.name for f in ARTICLE_FIELDS if f.in_item)
COVERAGE_FIELDS: tuple[str, ...] = tuple(f.name for f in ARTICLE_FIELDS if f.coverage)
# What the spider copies from an extraction (kznews.extract.article.ArticleData) into the item.
EXTRACTED_FIELDS: tuple[str, ...] = tuple(f.name for f in ARTICLE_FIELDS if f.filled_by == "extract")

# An item whose body is shorter than this is not an article (ValidatePipeline drops it as `no_body`). Not to be
# confused with the extractor's own threshold for a layout's body that no longer fits (kznews.extract.article).
ARTICLE_MIN_BODY_CHARS = 50


def markdown_table() -> str:
    """The table of README.md's "The articles collection"."""
    lines = ["| field | type | meaning |", "|---|---|---|"]
    for field in ARTICLE_FIELDS:
        kind = {"string": "string", "string[]": "list of strings", "number": "number",
                "integer": "integer", "datetime": "date (UTC in BSON)", "object": "object"}[field.type]
        if field.nullable:
            kind += " or null"
        doc = field.doc + ("; absent when none" if field.presence == "optional" else "")
        lines.append(f"| `{field.name}` | {kind} | {doc} |")
    return "\n".join(lines) + "\n"


# An ISO 8601 instant with its offset, as JSON documents carry datetimes (never naive)
_INSTANT_PATTERN = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?([+-]\d\d:\d\d|Z)$"


def json_schema() -> dict:
    """A JSON Schema (draft 2020-12) of an article document in its JSON form (exports, feed exports): datetimes as
    ISO 8601 instants with their offset. docs/schema.json is generated from it (`python -m kznews schema --json`)."""
    kinds = {
        "string": {"type": "string"},
        "string[]": {"type": "array", "items": {"type": "string"}},
        "number": {"type": "number"},
        "integer": {"type": "integer", "minimum": 1},
        "datetime": {"type": "string", "format": "date-time", "pattern": _INSTANT_PATTERN},
        "object": {"type": "object", "required": ["kind"], "properties": {"kind": {"type": "string"}}},
    }
    properties = {}
    for field in ARTICLE_FIELDS:
        prop = {"description": field.doc, **kinds[field.type]}
        if field.nullable:
            prop = {"description": field.doc, "anyOf": [kinds[field.type], {"type": "null"}]}
        properties[field.name] = prop
    return {
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "title": "kznews article",
        "description": f"One article of the `articles` collection in its JSON form; schema_version {SCHEMA_VERSION}. "
                       "Generated from kznews/schema.py: do not edit.",
        "type": "object",
        "properties": properties,
        "required": [field.name for field in ARTICLE_FIELDS if field.presence == "always"],
        "additionalProperties": False,
    }

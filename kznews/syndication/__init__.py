"""Reprints across sites: exact fingerprints, credited sources and near-duplicate clusters.

Kazakh outlets republish each other (most of all Kazinform), and anyone counting coverage must not
count a reprint as a new story. This package gives the crawler's item pipeline three tools:

- :func:`body_fingerprint` – a hash of the normalised body, equal for copies of one text that differ
  only in page furniture (AMP vs desktop page of one article). Exact duplicates within a site.
- :func:`detect_attribution` – the outlet a text credits as its source ("Источник: Казинформ",
  "передаёт корреспондент Tengrinews.kz", "деп хабарлайды ҚазАқпарат", "ASTANA. KAZINFORM – "...),
  ignoring photo credits and the site's own byline.
- :class:`NearDuplicateIndex` – a sliding time window of recent articles; word-shingle MinHash
  signatures (:class:`MinHasher`, one-permutation hashing), LSH banding for candidates, estimated
  containment/Jaccard for verification, and clusters whose id is the earliest article's doc_id.

Module map: :mod:`.text` (normalisation, boilerplate, shingles, fingerprint), :mod:`.outlets`
(outlet names and credit phrases), :mod:`.attribution`, :mod:`.minhash`, :mod:`.index`.
"""

from kznews.syndication.attribution import detect_attribution
from kznews.syndication.index import Cluster, Match, NearDuplicateIndex
from kznews.syndication.minhash import MinHasher, Signature
from kznews.syndication.text import DEFAULT_SHINGLE_SIZE, body_fingerprint, normalize_words, shingles

__all__ = [
    "DEFAULT_SHINGLE_SIZE",
    "Cluster",
    "Match",
    "MinHasher",
    "NearDuplicateIndex",
    "Signature",
    "body_fingerprint",
    "detect_attribution",
    "normalize_words",
    "shingles",
]

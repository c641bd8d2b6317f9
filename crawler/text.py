"""Text normalisation, content hashes and SimHash signatures.

The file text keeps the original characters; normalisation here is for hashing only, so that
the same article with different tatweel, diacritics or spacing gets the same hash.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata

# Tatweel and the Arabic harakat (fathatan .. sukun) plus the superscript alef.
_ARABIC_MARKS = dict.fromkeys([0x0640, *range(0x064B, 0x0653), 0x0670])
_SPACE = re.compile(r"\s+")
_WORD = re.compile(r"\w+")

SIMHASH_BITS = 64
_MASK64 = (1 << SIMHASH_BITS) - 1


def normalize_for_hash(text: str) -> str:
    """NFKC, no tatweel or Arabic diacritics, whitespace collapsed to single spaces."""
    text = unicodedata.normalize("NFKC", text).translate(_ARABIC_MARKS)
    return _SPACE.sub(" ", text).strip()


def content_hash(text: str) -> str:
    """First 16 hex digits of the SHA-256 of the normalised text."""
    return hashlib.sha256(normalize_for_hash(text).encode("utf-8")).hexdigest()[:16]


def words(text: str) -> list[str]:
    """Case-folded word tokens of the normalised text (Arabic words keep their letters)."""
    return _WORD.findall(normalize_for_hash(text).casefold())


def _feature_hash(feature: str) -> int:
    return int.from_bytes(hashlib.blake2b(feature.encode("utf-8"), digest_size=8).digest(), "big")


def simhash(text: str, shingle: int = 2) -> int:
    """64-bit SimHash over word shingles of the normalised text (unsigned int).

    Bigrams: a one-sentence edit of a 300-word dispatch stays within 3 bits, while different
    articles on the same story sit 20+ bits apart (measured on the seed articles).
    """
    tokens = words(text)
    if not tokens:
        return 0
    if len(tokens) < shingle:
        features = [" ".join(tokens)]
    else:
        features = [" ".join(tokens[i : i + shingle]) for i in range(len(tokens) - shingle + 1)]
    counts = [0] * SIMHASH_BITS
    for feature in features:
        h = _feature_hash(feature)
        for bit in range(SIMHASH_BITS):
            counts[bit] += 1 if (h >> bit) & 1 else -1
    value = 0
    for bit, count in enumerate(counts):
        if count > 0:
            value |= 1 << bit
    return value & _MASK64


def hamming(a: int, b: int) -> int:
    return (a ^ b).bit_count()

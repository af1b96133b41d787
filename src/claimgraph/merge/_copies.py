"""Near-identical reports (an agency's text on another site): MinHash signatures over word shingles, LSH bands."""

from __future__ import annotations

import functools
import re

SHINGLE_WORDS = 5
PERMUTATIONS, BANDS = 64, 16  # 16 bands of 4 rows: pairs above about 0.6 similarity share a band
# Reports at least this similar are copies of one text, not independent sources.
COPY_SIMILARITY = 0.7
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    from datasketch import MinHash  # deferred: datasketch imports scipy (about 1 s) and only storing needs it

    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}
    first = _first_minhash()  # its permutations: drawing them from the seed again was a fifth of a signature's cost
    minhash = MinHash(num_perm=PERMUTATIONS, seed=7, permutations=first.permutations, scheme=first.scheme)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype("uint64").tobytes()


@functools.cache
def _first_minhash():
    from datasketch import MinHash

    return MinHash(num_perm=PERMUTATIONS, seed=7)


# Signatures are read as plain 8-byte words, so reading them needs neither numpy nor datasketch.
_WORD_BYTES = 8


def bands(sig: bytes) -> list[str]:
    width = PERMUTATIONS // BANDS * _WORD_BYTES
    return [f"{i}:{sig[i * width:(i + 1) * width].hex()}" for i in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    words_a, words_b = memoryview(a).cast("Q"), memoryview(b).cast("Q")
    return sum(x == y for x, y in zip(words_a, words_b, strict=True)) / len(words_a)

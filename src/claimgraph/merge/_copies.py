"""Near-identical reports (an agency's text on another site): MinHash signatures over word shingles, LSH bands."""

from __future__ import annotations

import re

import numpy as np

SHINGLE_WORDS = 5
PERMUTATIONS, BANDS = 64, 16  # 16 bands of 4 rows: pairs above about 0.6 similarity share a band
# Reports at least this similar are copies of one text, not independent sources.
COPY_SIMILARITY = 0.7
_WORD = re.compile(r"\w+")


def signature(text: str) -> bytes:
    from datasketch import MinHash  # deferred: datasketch imports scipy (about 1 s) and only storing needs it

    words = _WORD.findall(text.casefold())
    shingles = {" ".join(words[i:i + SHINGLE_WORDS]) for i in range(max(len(words) - SHINGLE_WORDS + 1, 1))}
    minhash = MinHash(num_perm=PERMUTATIONS, seed=7)
    minhash.update_batch([s.encode("utf-8") for s in shingles])
    return minhash.hashvalues.astype(np.uint64).tobytes()


def bands(sig: bytes) -> list[str]:
    values = np.frombuffer(sig, dtype=np.uint64)
    rows = PERMUTATIONS // BANDS
    return [f"{i}:{values[i * rows:(i + 1) * rows].tobytes().hex()}" for i in range(BANDS)]


def similarity(a: bytes, b: bytes) -> float:
    return float(np.mean(np.frombuffer(a, dtype=np.uint64) == np.frombuffer(b, dtype=np.uint64)))

"""Near-duplicate detection: MinHash signatures of word shingles, banded for LSH lookups.

Wire copies, syndicated rewrites and updated versions of a story share most of their 5-word
shingles. Signatures are kept in the dataset's index, so clusters span the whole corpus, not
one run (see `tasks.storage.Dataset.commit`).
"""

from __future__ import annotations

import hashlib
import re

import numpy as np
from datasketch import MinHash

NUM_PERM = 64
BANDS = 16  # 16 bands x 4 rows: a pair at Jaccard 0.8 shares a band with probability 0.9997
ROWS = NUM_PERM // BANDS
SHINGLE_WORDS = 5
# Estimated Jaccard similarity from which two articles are one story. Measured: the demo's wire
# story and its republished copy (new headline, last paragraph trimmed) score 0.84, distinct demo
# stories on the same talks at most 0.03, generated bench stories drawn from one sentence pool at
# most 0.39 (150 stories, all pairs).
THRESHOLD = 0.7
_WORD = re.compile(r"\w+", re.UNICODE)
# the seed's hash permutations, drawn once (datasketch draws them again for every MinHash)
_SEEDED = MinHash(num_perm=NUM_PERM, seed=1)
_PERMUTATIONS, _SCHEME = _SEEDED.permutations, _SEEDED.scheme


def signature(text: str) -> np.ndarray:
    """MinHash signature (uint32[NUM_PERM]) of the text's lower-cased 5-word shingles."""
    words = _WORD.findall(text.lower())
    if len(words) < SHINGLE_WORDS:
        shingles = [" ".join(words).encode("utf-8")]
    else:
        shingles = [
            " ".join(words[i : i + SHINGLE_WORDS]).encode("utf-8")
            for i in range(len(words) - SHINGLE_WORDS + 1)
        ]
    minhash = MinHash(num_perm=NUM_PERM, seed=1, permutations=_PERMUTATIONS, scheme=_SCHEME)
    minhash.update_batch(shingles)
    return np.asarray(minhash.hashvalues, dtype=np.uint32)


def band_keys(sig: np.ndarray) -> list[str]:
    """One bucket key per band (band number and a short hash of its rows)."""
    return [
        f"{b}:{hashlib.blake2b(sig[b * ROWS : (b + 1) * ROWS].tobytes(), digest_size=8).hexdigest()}"
        for b in range(BANDS)
    ]


def similarity(a: np.ndarray, b: np.ndarray) -> float:
    """Estimated Jaccard similarity of two signatures."""
    return float(np.count_nonzero(a == b)) / len(a)


def to_bytes(sig: np.ndarray) -> bytes:
    """Compact storage form of a signature."""
    return sig.astype(np.uint32).tobytes()


def from_bytes(data: bytes) -> np.ndarray:
    """A signature back from its storage form."""
    return np.frombuffer(data, dtype=np.uint32)

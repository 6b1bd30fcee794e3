"""Keyed randomness: the same original always maps to the same replacement under one key,
and nothing about the original can be read back from the replacement without the key."""

from __future__ import annotations

import hashlib
import hmac
import random
import secrets
from typing import Optional


class KeyedRandom:
    """Deterministic random streams derived from a secret key and a label."""

    def __init__(self, key: Optional[str], seed: Optional[int] = None) -> None:
        if key is not None:
            self.key = ("phiscrub:" + key).encode()
        elif seed is not None:
            self.key = f"phiscrub-seed:{seed}".encode()
        else:
            self.key = secrets.token_bytes(32)  # consistent within this run only

    def digest(self, label: str) -> bytes:
        return hmac.new(self.key, label.encode("utf-8", "surrogatepass"), hashlib.sha256).digest()

    def rng(self, label: str) -> random.Random:
        return random.Random(int.from_bytes(self.digest(label)[:16], "big"))

    def hexdigest(self, label: str, n: int = 10) -> str:
        return self.digest(label).hex()[:n]

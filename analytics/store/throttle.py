"""Failed sign-ins per caller address and store, counted in this process: past LIMIT the address is refused before
the store is read, a password hashed or anything written, until its moving window has room again."""

from __future__ import annotations

import math
import time

from limits import parse, storage, strategies

# Failed sign-ins (a password or an API token) one address may make per store. Each one costs an argon2 check, an
# audit row and a newly published copy of the store; past it a flood costs nothing but this count.
LIMIT = "10/minute"


class Throttled(Exception):
    """Too many failed sign-ins from one address: retry_after seconds until the window has room."""

    key = "auth.throttled"

    def __init__(self, retry_after: int):
        super().__init__(retry_after)
        self.retry_after = retry_after
        self.params = {"count": retry_after}


class FailedSignIns:
    """One limiter per process (a server's routes and API share it), keyed by (store, caller address)."""

    def __init__(self, limit: str = LIMIT):
        self._limit = parse(limit)
        self._limiter = strategies.MovingWindowRateLimiter(storage.MemoryStorage())

    def check(self, store: str, address: str) -> None:
        """Raises Throttled when the address has used up its failures for this store."""
        if not self._limiter.test(self._limit, store, address):
            reset = self._limiter.get_window_stats(self._limit, store, address).reset_time
            raise Throttled(max(1, math.ceil(reset - time.time())))

    def failed(self, store: str, address: str) -> None:
        self._limiter.hit(self._limit, store, address)


FAILED_SIGN_INS = FailedSignIns()

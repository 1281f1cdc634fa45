"""What a failed write means, decided where MongoDB is known.

- an outage (`is_outage`): the database cannot be reached or does not serve us right now (connection refused or
  lost, server selection timed out, a primary stepping down, a server shutting down, credentials refused):
  the batch waits, is retried, and is spilled past a bound; nothing is lost;
- a document error (`is_document_error`): the database refuses these documents (a lone surrogate, a document
  over 16 MB, a non-duplicate-key write error): they are written one by one, repaired or dropped and counted;
- anything else is a bug (in kznews' own storage code, reprint linking included): reported as what it is, with
  its traceback, never mistaken for an outage.
"""

from __future__ import annotations

from bson.errors import InvalidDocument
from pymongo.errors import (
    BulkWriteError,
    ConnectionFailure,
    DocumentTooLarge,
    NetworkTimeout,
    OperationFailure,
)

# Server error codes that say "not now" or "not you" rather than "not this document".
OUTAGE_CODES = frozenset({
    6,  # HostUnreachable
    7,  # HostNotFound
    13,  # Unauthorized
    18,  # AuthenticationFailed
    89,  # NetworkTimeout
    91,  # ShutdownInProgress
    189,  # PrimarySteppedDown
    10107,  # NotWritablePrimary
    11600,  # InterruptedAtShutdown
    11602,  # InterruptedDueToReplStateChange
    13435,  # NotPrimaryNoSecondaryOk
    13436,  # NotPrimaryOrSecondary
})


def is_outage(error: BaseException) -> bool:
    """The database is unreachable or not serving us: wait and retry (pymongo's ConnectionFailure family:
    AutoReconnect, NetworkTimeout, NotPrimaryError, ServerSelectionTimeoutError, ...; and the server's
    not-now codes)."""
    if isinstance(error, ConnectionFailure):
        return True
    return isinstance(error, OperationFailure) and not isinstance(error, BulkWriteError) and error.code in OUTAGE_CODES


def is_slow_answer(error: BaseException) -> bool:
    """An operation outlived the socket timeout (NetworkTimeout, not a failed server selection): an outage unless
    the server still answers a ping, in which case it is slow and the batch is tried again."""
    return isinstance(error, NetworkTimeout)


def is_document_error(error: BaseException) -> bool:
    """The write failed because of the documents themselves (not the database being unreachable)."""
    if isinstance(error, BulkWriteError):
        return any(e.get("code") != 11000 for e in error.details.get("writeErrors", []))
    return isinstance(error, InvalidDocument | DocumentTooLarge | UnicodeError | OverflowError)

"""What a failed write means, decided where MongoDB is known.

- an outage (`is_outage`): the database cannot be reached or does not serve us right now (connection refused or
  lost, server selection timed out, a primary stepping down, a server shutting down): the batch waits, is
  retried, and is spilled past a bound; nothing is lost;
- an authentication error (`is_auth_error`): the credentials are refused or lack a privilege. Waiting does not
  fix a wrong password: the crawl stops at once, saying so (the same for `link-reprints`, `load-spill`);
- a document error (`is_document_error`): the database refuses these documents (a lone surrogate, a document
  over 16 MB, a non-duplicate-key write error): they are written one by one, repaired or dropped and counted;
- anything else is a bug (in kznews' own storage code, reprint linking included): reported as what it is, with
  its traceback, never mistaken for an outage.
"""

from __future__ import annotations

import re

from bson.errors import InvalidDocument
from pymongo.errors import (
    BulkWriteError,
    ConnectionFailure,
    DocumentTooLarge,
    NetworkTimeout,
    OperationFailure,
    ServerSelectionTimeoutError,
)

# Server error codes that say "not now" or "not you" rather than "not this document".
OUTAGE_CODES = frozenset({
    6,  # HostUnreachable
    7,  # HostNotFound
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
    if is_auth_error(error):
        return False
    if isinstance(error, ConnectionFailure):
        return True
    return isinstance(error, OperationFailure) and not isinstance(error, BulkWriteError) and error.code in OUTAGE_CODES


# Server error codes that say "not you": a configuration to fix, not an outage to wait out.
AUTH_CODES = frozenset({
    13,  # Unauthorized: the user lacks a privilege
    18,  # AuthenticationFailed: wrong user name or password
})


# pymongo reports a handshake the server refused (speculative authentication in `hello`) as a server selection
# timeout whose message carries the server's error document; nothing structured is kept, so the text is read.
_AUTH_IN_MESSAGE = re.compile(r"'code': (?:18|13)\b|'codeName': '(?:AuthenticationFailed|Unauthorized)'")


def is_auth_error(error: BaseException) -> bool:
    """The server refused the credentials (or their privileges): fail at once, never retry as an outage."""
    if isinstance(error, ServerSelectionTimeoutError):
        return _AUTH_IN_MESSAGE.search(str(error)) is not None
    return isinstance(error, OperationFailure) and not isinstance(error, BulkWriteError) and error.code in AUTH_CODES


def describe(error: BaseException, redacted_uri: str = "") -> str:
    """One line for an operator: what failed, without pymongo's topology dump. `redacted_uri`: the URI with its
    password already replaced (kznews.storage.redact_uri)."""
    where = f" at {redacted_uri}" if redacted_uri else ""
    if is_auth_error(error):
        detail = "authentication failed" if isinstance(error, ServerSelectionTimeoutError) else (
            (str(error) or type(error).__name__).splitlines()[0])
        return f"MongoDB{where} refused the credentials ({detail}): check the user and password in MONGO_URI"
    if isinstance(error, ConnectionFailure):
        first = str(error).split(" (configured timeouts", 1)[0].split(", Timeout:", 1)[0]
        return f"MongoDB{where} cannot be reached: {first}"
    return f"MongoDB{where}: {type(error).__name__}: {str(error).splitlines()[0] if str(error) else ''}"


def is_slow_answer(error: BaseException) -> bool:
    """An operation outlived the socket timeout (NetworkTimeout, not a failed server selection): an outage unless
    the server still answers a ping, in which case it is slow and the batch is tried again."""
    return isinstance(error, NetworkTimeout)


def is_document_error(error: BaseException) -> bool:
    """The write failed because of the documents themselves (not the database being unreachable)."""
    if isinstance(error, BulkWriteError):
        return any(e.get("code") != 11000 for e in error.details.get("writeErrors", []))
    return isinstance(error, InvalidDocument | DocumentTooLarge | UnicodeError | OverflowError)

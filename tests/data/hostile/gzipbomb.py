"""Gzip members that unpack to gigabytes, made in milliseconds.

Deflate with a full flush resets the compressor's history, so the compressed form of one chunk after a flush is
the same bytes every time: a member of N chunks is a header, one compressed block repeated N times, an end block
and the trailer. The trailer's CRC-32 is computed without touching N chunks: CRC-32 with a start value is an
affine map over GF(2) (`crc32(chunk, c)`), so the map for N chunks is the one-chunk map composed N times, by
repeated squaring. Constructed data (provenance: this module), for the hostile-input corpus.
"""

from __future__ import annotations

import struct
import zlib

_HEADER = b"\x1f\x8b\x08\x00\x00\x00\x00\x00\x02\xff"  # gzip, deflate, no name, no mtime, max compression, unknown OS


class _Affine:
    """x -> base ^ (XOR of columns[i] for each bit i set in x): a 32-bit affine map over GF(2)."""

    def __init__(self, base: int, columns: list[int]):
        self.base = base
        self.columns = columns

    @classmethod
    def of_crc(cls, chunk: bytes) -> _Affine:
        base = zlib.crc32(chunk, 0)
        return cls(base, [zlib.crc32(chunk, 1 << bit) ^ base for bit in range(32)])

    def __call__(self, value: int) -> int:
        out = self.base
        bit = 0
        while value:
            if value & 1:
                out ^= self.columns[bit]
            value >>= 1
            bit += 1
        return out

    def then(self, other: _Affine) -> _Affine:
        """`other` applied after `self`."""
        base = other(self.base)
        return _Affine(base, [other(self.base ^ column) ^ base for column in self.columns])


def crc32_repeated(chunk: bytes, count: int, start: int = 0) -> int:
    """zlib.crc32(chunk * count, start), without building chunk * count."""
    result = _Affine(0, [1 << bit for bit in range(32)])  # the identity
    power = _Affine.of_crc(chunk)
    while count:
        if count & 1:
            result = result.then(power)
        power = power.then(power)
        count >>= 1
    return result(start)


def bomb(chunk: bytes, count: int, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """One gzip member that unpacks to prefix + chunk * count + suffix."""
    compressor = zlib.compressobj(9, zlib.DEFLATED, -zlib.MAX_WBITS, 9)
    head = compressor.compress(prefix) + compressor.flush(zlib.Z_FULL_FLUSH)
    block = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    again = compressor.compress(chunk) + compressor.flush(zlib.Z_FULL_FLUSH)
    if block != again:  # the premise of this module; true for zlib
        raise RuntimeError("deflate blocks after a full flush differ")
    tail = compressor.compress(suffix) + compressor.flush(zlib.Z_FINISH)
    crc = zlib.crc32(prefix)
    crc = crc32_repeated(chunk, count, crc)
    crc = zlib.crc32(suffix, crc)
    size = (len(prefix) + len(chunk) * count + len(suffix)) & 0xFFFFFFFF
    return _HEADER + head + block * count + tail + struct.pack("<II", crc, size)


def zeros(total: int, prefix: bytes = b"", suffix: bytes = b"") -> bytes:
    """A member that unpacks to `prefix`, `total` zero bytes (rounded down to MiB) and `suffix`."""
    mib = 1 << 20
    return bomb(b"\0" * mib, total // mib, prefix, suffix)

#!/usr/bin/env python3
"""Ed25519 (RFC 8032) for checking thidua's signatures (EventLog/SIGNING.md), Python standard library only.

verify() uses the `cryptography` package when it is installed (fast) and RFC 8032's verification in
pure Python otherwise (a few milliseconds a signature): [S]B = R + [h]A over SHA-512, with R and A
decoded strictly (y < p) and S below the group order L. A public key of small order, or spelled with
y >= p (which some libraries reduce and RFC 8032 refuses), is refused by both paths, as thidua
refuses it (`weak-key`), so every verifier gives the same answer. sign() and public_key() are for
tests and the worked example only; thidua signs.

Usage: python3 ed25519.py [--pure] verify     lines of {"publicKey","message","signature"} (hex) on stdin,
                                              prints `valid` or `invalid` for each
       python3 ed25519.py sign SEED_HEX MESSAGE_HEX      prints PUBLIC_KEY_HEX SIGNATURE_HEX
       python3 ed25519.py backend                        prints `cryptography` or `pure`
"""
import functools
import hashlib
import json
import sys

P = 2**255 - 19
L = 2**252 + 27742317777372353535851937790883648493
D = -121665 * pow(121666, P - 2, P) % P
SQRT_M1 = pow(2, (P - 1) // 4, P)
IDENTITY = (0, 1, 1, 0)

try:
    from cryptography.exceptions import InvalidSignature
    from cryptography.hazmat.primitives.asymmetric.ed25519 import Ed25519PublicKey
    HAVE_CRYPTOGRAPHY = True
except ImportError:  # the standard library alone is enough
    HAVE_CRYPTOGRAPHY = False


def _add(p, q):
    """Point addition in extended coordinates (X, Y, Z, T), x = X/Z, y = Y/Z, xy = T/Z."""
    x1, y1, z1, t1 = p
    x2, y2, z2, t2 = q
    a = (y1 - x1) * (y2 - x2) % P
    b = (y1 + x1) * (y2 + x2) % P
    c = 2 * t1 * t2 * D % P
    d = 2 * z1 * z2 % P
    e, f, g, h = b - a, d - c, d + c, b + a
    return (e * f % P, g * h % P, f * g % P, e * h % P)


def _multiply(scalar, point):
    result = IDENTITY
    while scalar > 0:
        if scalar & 1:
            result = _add(result, point)
        point = _add(point, point)
        scalar >>= 1
    return result


def _equal(p, q):
    x1, y1, z1, _ = p
    x2, y2, z2, _ = q
    return (x1 * z2 - x2 * z1) % P == 0 and (y1 * z2 - y2 * z1) % P == 0


def _recover_x(y, sign):
    if y >= P:
        return None
    x2 = (y * y - 1) * pow(D * y * y + 1, P - 2, P) % P
    if x2 == 0:
        return None if sign else 0
    x = pow(x2, (P + 3) // 8, P)
    if (x * x - x2) % P:
        x = x * SQRT_M1 % P
    if (x * x - x2) % P:
        return None
    return P - x if (x & 1) != sign else x


def _decode(encoded):
    """The point of a 32-byte encoding, or None when it encodes none (y >= p, or no x)."""
    y = int.from_bytes(encoded, "little")
    sign, y = y >> 255, y & ((1 << 255) - 1)
    x = _recover_x(y, sign)
    return None if x is None else (x, y, 1, x * y % P)


def _encode(point):
    x, y, z, _ = point
    inverse = pow(z, P - 2, P)
    x, y = x * inverse % P, y * inverse % P
    return (y | (x & 1) << 255).to_bytes(32, "little")


_BY = 4 * pow(5, P - 2, P) % P
_BX = _recover_x(_BY, 0)
BASE = (_BX, _BY, 1, _BX * _BY % P)


def _hash_int(*parts):
    return int.from_bytes(hashlib.sha512(b"".join(parts)).digest(), "little")


def _expand(seed):
    if len(seed) != 32:
        raise ValueError("an Ed25519 private key (seed) has 32 bytes")
    digest = hashlib.sha512(seed).digest()
    scalar = int.from_bytes(digest[:32], "little") & ((1 << 254) - 8) | (1 << 254)
    return scalar, digest[32:]


def public_key(seed):
    scalar, _ = _expand(seed)
    return _encode(_multiply(scalar, BASE))


def sign(seed, message):
    """RFC 8032 5.1.6: deterministic, so a signature can be reproduced byte for byte."""
    scalar, prefix = _expand(seed)
    public = _encode(_multiply(scalar, BASE))
    r = _hash_int(prefix, message) % L
    encoded_r = _encode(_multiply(r, BASE))
    s = (r + _hash_int(encoded_r, public, message) % L * scalar) % L
    return encoded_r + s.to_bytes(32, "little")


def verify_pure(public, message, signature):
    """RFC 8032 5.1.7, with the standard library alone."""
    if len(public) != 32 or len(signature) != 64:
        return False
    a = _decode(public)
    r = _decode(signature[:32])
    s = int.from_bytes(signature[32:], "little")
    if a is None or r is None or s >= L:
        return False
    h = _hash_int(signature[:32], public, message) % L
    return _equal(_multiply(s, BASE), _add(r, _multiply(h, a)))


@functools.lru_cache(maxsize=256)
def is_weak(public):
    """A key no one holds alone: not a point, y >= p, or of small order ([8]A is the identity). thidua refuses
    these everywhere (`weak-key`): signatures verify for them over many messages, and libraries differ on y >= p."""
    point = _decode(public) if len(public) == 32 else None
    return point is None or _equal(_multiply(8, point), IDENTITY)


def verify(public, message, signature, pure=False):
    """True when `signature` is `public`'s Ed25519 signature of `message`, and `public` is not weak."""
    if len(public) != 32 or len(signature) != 64 or is_weak(bytes(public)):
        return False
    if pure or not HAVE_CRYPTOGRAPHY:
        return verify_pure(public, message, signature)
    try:
        Ed25519PublicKey.from_public_bytes(public).verify(signature, message)
        return True
    except (InvalidSignature, ValueError):
        return False


def fingerprint(public):
    """How people name a key: the first 16 hex digits of SHA-256 of its 32 bytes."""
    return hashlib.sha256(public).hexdigest()[:16]


def _netstring(text):
    raw = text.encode("utf-8")
    return str(len(raw)).encode("ascii") + b":" + raw + b","


def signing_bytes(bloc, year, type_, schema, actor, occurred_at, event_id, correlation, data):
    """EventLog/SIGNING.md: the nine fields as netstrings; year None (bloc events) and correlation None are ''."""
    fields = [bloc, "" if year is None else str(year), type_, str(schema), actor, occurred_at, event_id,
              correlation or "", data]
    return b"".join(_netstring(field) for field in fields)


def main(argv):
    pure = "--pure" in argv
    args = [a for a in argv if a != "--pure"]
    if args == ["backend"]:
        print("pure" if pure or not HAVE_CRYPTOGRAPHY else "cryptography")
        return 0
    if args == ["verify"]:
        for number, line in enumerate(sys.stdin, 1):
            if not line.strip():
                continue
            try:
                case = json.loads(line)
                ok = verify(bytes.fromhex(case["publicKey"]), bytes.fromhex(case["message"]),
                            bytes.fromhex(case["signature"]), pure=pure)
            except (ValueError, KeyError, TypeError) as error:
                print(f"error: line {number}: expected {{\"publicKey\",\"message\",\"signature\"}} in hex: {error!r}",
                      file=sys.stderr)
                return 64
            print("valid" if ok else "invalid")
        return 0
    if len(args) == 3 and args[0] == "sign":
        try:
            seed, message = bytes.fromhex(args[1]), bytes.fromhex(args[2])
            print(public_key(seed).hex(), sign(seed, message).hex())
        except ValueError as error:
            print(f"error: {error}", file=sys.stderr)
            return 64
        return 0
    print(__doc__.strip().split("\n\n")[-1], file=sys.stderr)
    return 64


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

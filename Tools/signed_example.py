#!/usr/bin/env python3
"""The signed variant of the seed example, reproducible byte for byte, with TEST keys only.

Usage: python3 Tools/signed_example.py > EventLog/examples/signed/bdtw-2017-2018-signed.jsonl
       python3 Tools/signed_example.py --keys DIR      writes the TEST key files (mode 0600) into DIR

It reads EventLog/examples/bdtw-2017-2018.jsonl and writes the same history: the seed's bloc events
and its 2017, line for line; then the secretariat registers a key for itself and for each of the
eight members and adopts the seed's rules again from 2018 with `"signatures":"required"`; then the
seed's 2018, every line as in the seed with `"signature"` added, signed by its actor's key (the
secretariat signs year.opened as itself). The registrations after the secretariat's own, and the
rules, are signed by the secretariat too.

The keys are TEST keys, never real ones: the private key (RFC 8032's 32-byte seed) of holder H is
SHA-256 of the UTF-8 text `thidua TEST key BDTW H`, e.g. `thidua TEST key BDTW secretariat`. Anyone
can recompute them, so they prove nothing outside this example. Ed25519 signing is deterministic
(RFC 8032 5.1.6), so the output never changes; a test regenerates it and compares.
"""
import base64
import hashlib
import json
import os
import re
import sys
import unicodedata
import uuid

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ed25519  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "EventLog", "examples", "bdtw-2017-2018.jsonl")
BLOC = "BDTW"
SIGNED_FROM = 2018
SECRETARIAT = "secretariat"
LABEL = "Khóa THỬ (TEST key), không dùng thật"
IDS = uuid.UUID("5c1e4d2a-7b0e-4f3c-9a61-2018b0c5e1a7")
CANONICAL_NUMBER = re.compile(r"-?(0|[1-9][0-9]*)(\.[0-9]*[1-9])?")


class Number(str):
    """A JSON number kept exactly as the seed spells it."""


def test_seed(holder):
    return hashlib.sha256(("thidua TEST key %s %s" % (BLOC, holder)).encode("utf-8")).digest()


def b64(raw):
    return base64.b64encode(raw).decode("ascii")


def canonical(value, ordered=True):
    """EventLog/SIGNING.md's canonical data: keys sorted by UTF-8 bytes, no spaces, minimal escapes
    (`ordered=False` keeps the keys in the order written, for a line)."""
    if isinstance(value, dict):
        keys = sorted(value, key=lambda k: k.encode("utf-8")) if ordered else list(value)
        return "{" + ",".join(canonical(k) + ":" + canonical(value[k], ordered) for k in keys) + "}"
    if isinstance(value, list):
        return "[" + ",".join(canonical(v, ordered) for v in value) + "]"
    if isinstance(value, Number):
        if not CANONICAL_NUMBER.fullmatch(value):
            raise SystemExit("error: the number %s is not spelled canonically; write it as thidua stores it" % value)
        return str(value)
    if isinstance(value, str):
        if unicodedata.normalize("NFC", value) != value:
            raise SystemExit("error: the text %r is not in NFC" % value)
        return json.dumps(value, ensure_ascii=False)
    return json.dumps(value)


def parse(line):
    return json.loads(line, parse_int=Number, parse_float=Number)


def signature(holder, event):
    seed = test_seed(holder)
    message = ed25519.signing_bytes(event["bloc"], event.get("year"), event["type"], event.get("schema", 1), event["actor"],
                                    event["occurredAt"], event["id"], event.get("correlation"), canonical(event["data"]))
    return {"publicKey": b64(ed25519.public_key(seed)), "value": b64(ed25519.sign(seed, message))}


def with_signature(line, holder):
    """The line as written, with `"signature"` added as its last member."""
    sig = signature(holder, parse(line))
    return line[:-1] + ',"signature":' + json.dumps(sig, separators=(",", ":")) + "}"


def bloc_event(number, type_, at, data, signer):
    event = {"id": str(uuid.uuid5(IDS, "%s %d" % (type_, number))), "type": type_, "bloc": BLOC, "actor": SECRETARIAT,
             "occurredAt": at, "data": data}
    line = canonical(event, ordered=False)
    return with_signature(line, SECRETARIAT) if signer else line


def holders(seed_lines):
    for line in seed_lines:
        event = parse(line)
        if event["type"] == "year.opened" and int(event["year"]) == SIGNED_FROM:
            return [member["code"] for member in event["data"]["members"]] + [SECRETARIAT]
    raise SystemExit("error: the seed does not open %d" % SIGNED_FROM)


def signed_history(seed_lines):
    out, inserted = [], False
    for line in seed_lines:
        event = parse(line)
        year = event.get("year")
        if year is None or int(year) < SIGNED_FROM:
            out.append(line)
            continue
        if not inserted:
            inserted = True
            first_rules = next(parse(seen)["data"] for seen in seed_lines if parse(seen)["type"] == "rules.adopted")
            keys = [SECRETARIAT] + [h for h in holders(seed_lines) if h != SECRETARIAT]
            for number, holder in enumerate(keys):
                data = {"holder": holder, "publicKey": b64(ed25519.public_key(test_seed(holder))), "label": LABEL}
                out.append(bloc_event(number, "key.registered", "2018-03-26T08:%02d:00+07:00" % number, data, number > 0))
            rules = dict(first_rules, fromYear=SIGNED_FROM, signatures="required")
            out.append(bloc_event(0, "rules.adopted", "2018-03-26T08:30:00+07:00", rules, True))
        out.append(with_signature(line, event["actor"]))
    return out


def write_keys(folder, seed_lines):
    os.makedirs(folder, exist_ok=True)
    for holder in holders(seed_lines):
        path = os.path.join(folder, holder.lower() + ".key")
        text = "thidua-ed25519-private-key v1 %s %s\n" % (holder, b64(test_seed(holder)))
        try:
            descriptor = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600)
        except FileExistsError:
            raise SystemExit("error: %s exists; a key file is never overwritten" % path)
        with os.fdopen(descriptor, "w", encoding="ascii") as handle:
            handle.write(text)
        print(path)


def main(argv):
    with open(SEED, encoding="utf-8") as handle:
        seed_lines = handle.read().splitlines()
    if len(argv) == 2 and argv[0] == "--keys":
        write_keys(argv[1], seed_lines)
        return 0
    if argv:
        print(__doc__.split("\n\n")[1], file=sys.stderr)
        return 64
    sys.stdout.buffer.write("".join(line + "\n" for line in signed_history(seed_lines)).encode("utf-8"))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))

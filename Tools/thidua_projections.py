"""The projections and year snapshots thidua keeps beside the log, compared with this script's own replay.

Python standard library only. `Replay` is thidua_rules.Redecider that also keeps what the projections show
but the rules do not need (names, clause texts, signatories, award details, criterion titles, each year's
latest position and version). `problems(connection, replay)` reads every projection table, `bloc_summary`
and `year_snapshot` and lists how they differ from the replay, in the words `thidua verify` uses
(EventStore+Projections.swift, YearProjection+SQL.swift, YearSnapshot.swift).
"""
import hashlib

import thidua_rules as rules


class Extra:
    """What a year's projection shows beyond thidua_rules.Year."""
    __slots__ = ("position", "version", "names", "titles", "clauses", "signatures", "awards", "results",
                 "registrations", "evidence")

    def __init__(self):
        self.position = 0
        self.version = 0
        self.names = {}          # member -> name
        self.titles = {}         # criterion -> (title, group)
        self.clauses = []
        self.signatures = {}     # member -> (signatory, title), in order
        self.awards = {}         # member -> (basis, decision, date)
        self.results = {}        # election -> (ballots, eligible, votes) at its close
        self.registrations = {}  # member -> (targets, titles)
        self.evidence = {}       # (member, criterion) -> the latest self-score's evidence, upcast, as a tuple


class Replay(rules.Redecider):
    def __init__(self):
        super().__init__()
        self.extras = {}
        self.cited = {}   # sha256 -> (bytes, position of the first event citing it), in order (CitedEvidence.swift)

    def add(self, position, stream_text_, type_name, schema, actor, data, correlation=None, occurred_at=None,
            recorded_at=None, signed=None):
        self._position = position
        super().add(position, stream_text_, type_name, schema, actor, data, correlation, occurred_at, recorded_at, signed)

    def decide_and_fold(self, stream_text_, type_name, schema, actor, data, correlation, signed=None):
        super().decide_and_fold(stream_text_, type_name, schema, actor, data, correlation, signed)
        stream = self.streams[stream_text_]
        if stream[1] is None:
            return
        extra = self.extras.get(stream)
        if extra is None:
            extra = self.extras[stream] = Extra()
        extra.position = self._position
        extra.version += 1
        if type_name == "score.submitted":
            payload = self.last_payload
            evidence = payload["evidence"]
            if evidence:
                for _, sha256, size, _ in evidence:
                    if sha256 is not None and sha256 not in self.cited:
                        self.cited[sha256] = (size, self._position)
                extra.evidence[(payload["member"], payload["criterion"])] = tuple(evidence)
            elif extra.evidence:
                extra.evidence.pop((payload["member"], payload["criterion"]), None)
        if type_name in SHOWN_BEYOND_THE_RULES:
            raw = rules.parse_json(data.decode("utf-8") if isinstance(data, bytes) else data)
            fold_extra(extra, self.years[stream], type_name, raw)


# The events whose data the projections show beyond what thidua_rules.Year keeps (its scores, the bulk of a log, are not).
SHOWN_BEYOND_THE_RULES = {"year.opened", "member.admitted", "criterion.set", "election.closed", "pact.drafted", "pact.signed",
                          "registration.submitted", "award.proposed", "award.decided"}


def fold_extra(extra, state, type_name, raw):
    """YearState+Evolve.swift, for the fields thidua_rules.Year leaves out."""
    if type_name == "year.opened":
        for member in raw["members"]:
            extra.names[member["code"]] = member["name"]
    elif type_name == "member.admitted":
        extra.names[raw["code"]] = raw["name"]
    elif type_name == "criterion.set":
        extra.titles[raw["code"]] = (raw["title"], raw.get("group"))
    elif type_name == "election.closed":
        election = state.elections.get(raw["election"])
        if election is not None:
            ballots, votes = rules.election_counts(election)
            extra.results[election.id] = (ballots, state.active_count(), votes)
    elif type_name == "pact.drafted":
        extra.clauses = list(raw["clauses"])
    elif type_name == "pact.signed":
        extra.signatures[raw["member"]] = (raw["signatory"], raw.get("title"))
    elif type_name == "registration.submitted":
        extra.registrations[raw["member"]] = (list(raw["targets"]), list(raw.get("titlesSought") or []))
    elif type_name == "award.proposed":
        extra.awards[raw["member"]] = (raw.get("basis"), None, None)
    elif type_name == "award.decided":
        if raw["member"] in extra.awards:
            extra.awards[raw["member"]] = (extra.awards[raw["member"]][0], raw.get("decision"), raw.get("date"))


# ---------------------------------------------------------------------------------------------
# What a year's projection holds (YearProjection.swift), from the replay

def standings(state, extra):
    """Standings.swift: active members by total, descending, ties by code; competition ranking."""
    live = [(code, criterion.kind) for code, criterion in state.criteria.items() if not criterion.retired]
    rows = []
    for member, active in state.members.items():
        if not active:
            continue
        sums = {"base": 0, "bonus": 0, "penalty": 0}
        complete = 1
        scores = state.scores.get(member, {})
        for code, kind in live:
            entry = scores.get(code)
            points = None if entry is None else (entry[1] if entry[1] is not None else entry[0])
            if points is None:
                complete = 0
            else:
                sums[kind] = rules.saturating(sums[kind] + points)
        total = rules.saturating(rules.saturating(sums["base"] + sums["bonus"]) - sums["penalty"])
        rows.append([0, member, extra.names.get(member, ""), sums["base"], sums["bonus"], sums["penalty"], total, complete])
    rows.sort(key=lambda row: (-row[6], row[1]))
    for index, row in enumerate(rows):
        row[0] = rows[index - 1][0] if index > 0 and row[6] == rows[index - 1][6] else index + 1
    return [tuple(row) for row in rows]


def election_rows(state, extra):
    out = []
    for election in state.elections.values():
        if election.closed:
            ballots, _, votes = extra.results.get(election.id, (0, 0, {}))
        else:
            ballots, votes = rules.election_counts(election)
        out.append((election.id, election.office, election.seats, election.method, election.award,
                    list(election.candidates), ballots, dict(votes), "closed" if election.closed else "open",
                    election.outcome or "open", list(election.elected) if election.closed else []))
    return out


def pact_in_force(state):
    return 1 if state.clauses and all(code in state.signatures for code, active in state.members.items() if active) else 0


def expected_projection(stream, state, extra):
    return {
        "summary": (stream[0], stream[1], extra.position, extra.version, state.status, state.head, list(state.deputies),
                    pact_in_force(state)),
        "members": [(code, extra.names.get(code, ""), 1 if active else 0) for code, active in state.members.items()],
        "standings": standings(state, extra),
        "elections": election_rows(state, extra),
        "clauses": list(extra.clauses),
        "signatures": [(member,) + extra.signatures[member] for member in extra.signatures],
        "awards": [(member, kind, status, extra.awards.get(member, (None, None, None))[0], election,
                    extra.awards.get(member, (None, None, None))[1], extra.awards.get(member, (None, None, None))[2])
                   for member, (kind, status, election) in state.awards.items()],
    }


# ---------------------------------------------------------------------------------------------
# What the store holds, read as YearProjection.load reads it (each column cast, so any value reads)

def _cast(spec):
    out = []
    for item in spec.split(" "):
        name, _, kind = item.partition(":")
        if kind == "i":
            out.append("IFNULL(CAST(%s AS INTEGER), 0)" % name)
        elif kind == "o":
            out.append("CAST(%s AS TEXT)" % name)
        else:
            out.append("IFNULL(CAST(%s AS TEXT), '')" % name)
    return ", ".join(out)


COLUMNS = {
    "year_summary": _cast("bloc year:i position:i version:i status head:o deputies pact_in_force:i"),
    "year_member": _cast("code name active:i"),
    "year_standing": _cast("rank:i member name base:i bonus:i penalty:i total:i complete:i"),
    "year_election": _cast("id office seats:i method award:o candidates ballots:i tally status outcome elected"),
    "year_pact_clause": _cast("number:i text"),
    "year_pact_signature": _cast("member signatory title:o"),
    "year_award": _cast("member kind status basis:o election:o decision:o date:o"),
}
TABLES = ["year_summary", "year_member", "year_standing", "year_election", "year_pact_clause",
          "year_pact_signature", "year_award", "year_snapshot"]
AWARD_STATUSES = {"proposed", "withdrawn", "granted", "rejected"}


def _text(value):
    return None if value is None else (value.decode("utf-8", "replace") if isinstance(value, bytes) else str(value))


def _json(text):
    """The JSON value of a stored column as thidua's parser reads it, or None."""
    try:
        return rules.parse_json(text)
    except rules.NotJSON:
        return None


def _codes(text):
    value = _json(text)
    return [item for item in value if isinstance(item, str)] if isinstance(value, list) else []


def _counts(text):
    value = _json(text)
    if not isinstance(value, dict):
        return {}
    return _int_counts(value)


def stored_projection(connection, stream_text):
    summary = connection.execute("SELECT %s FROM year_summary WHERE stream = ?" % COLUMNS["year_summary"],
                                 (stream_text,)).fetchone()
    if summary is None:
        return None

    def rows(table, order="ord"):
        return [tuple(_text(v) if not isinstance(v, int) else v for v in row) for row in connection.execute(
            "SELECT %s FROM %s WHERE stream = ? ORDER BY %s" % (COLUMNS[table], table, order), (stream_text,))]

    s = [_text(v) if not isinstance(v, int) else v for v in summary]
    return {
        "summary": (s[0], s[1], s[2], s[3], s[4], s[5], _codes(s[6]), 1 if s[7] else 0),
        "members": [(r[0], r[1], 1 if r[2] else 0) for r in rows("year_member")],
        "standings": [(r[0], r[1], r[2], r[3], r[4], r[5], r[6], 1 if r[7] else 0) for r in rows("year_standing")],
        "elections": [(r[0], r[1], r[2], r[3], r[4], _codes(r[5]), r[6], _counts(r[7]), r[8], r[9], _codes(r[10]))
                      for r in rows("year_election")],
        "clauses": [r[1] for r in rows("year_pact_clause", "number")],
        "signatures": rows("year_pact_signature"),
        "awards": [r for r in rows("year_award") if rules.is_award_kind(r[1]) and r[2] in AWARD_STATUSES],
    }


def first_difference(stored, expected):
    """EventStore.firstDifference: the first part of a year's projection that differs."""
    if stored["standings"] != expected["standings"]:
        return "standings differ from the log"
    if stored["members"] != expected["members"]:
        return "members differ from the log"
    if stored["summary"][5:7] != expected["summary"][5:7]:
        return "officers differ from the log"
    if stored["elections"] != expected["elections"]:
        return "elections differ from the log"
    if (stored["clauses"], stored["signatures"], stored["summary"][7]) != \
            (expected["clauses"], expected["signatures"], expected["summary"][7]):
        return "the pact differs from the log"
    if stored["awards"] != expected["awards"]:
        return "awards differ from the log"
    return "status or position differs from the log"


# ---------------------------------------------------------------------------------------------
# The year's snapshot (YearSnapshot.swift, YearState+Snapshot.swift)

SEAL_KEY = b'"seal":"'
SNAPSHOT_LAYOUT = 3   # YearState.snapshotLayout: an older layout is outdated (not used, replaced), not altered


def seal_range(data):
    start = data.find(SEAL_KEY)
    if start < 0 or len(data) < len(SEAL_KEY) + 65:
        return None
    digits = start + len(SEAL_KEY)
    if digits + 64 >= len(data) or data[digits + 64:digits + 65] != b'"':
        return None
    return digits, digits + 64


def _points(value):
    return rules.to_points(value) if rules.is_number(value) else None


def snapshot_state(value):
    """The parts of a snapshot that YearState(snapshot:) restores, normalised as this replay holds them; None
    when thidua would not restore it."""
    if not isinstance(value, dict) or _int(value.get("layout")) != SNAPSHOT_LAYOUT or not isinstance(value.get("bloc"), str) \
            or _int(value.get("year")) is None \
            or value.get("status") not in ("unopened", "open", "finalized", "closed") \
            or not isinstance(value.get("finalized"), bool):
        return None

    def items(key):
        listed = value.get(key)
        return listed if isinstance(listed, list) else []

    def strings(listed):
        return [item for item in listed if isinstance(item, str)] if isinstance(listed, list) else []

    members = []
    for item in items("members"):
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str) and isinstance(item[1], str)
                and isinstance(item[2], bool)):
            return None
        members.append((item[0], item[1], item[2]))
    criteria = []
    for item in items("criteria"):
        if not (isinstance(item, list) and len(item) == 6 and isinstance(item[0], str) and isinstance(item[1], str)
                and _points(item[2]) is not None and item[3] in ("base", "bonus", "penalty") and isinstance(item[5], bool)):
            return None
        criteria.append((item[0], item[1], _points(item[2]), item[3], item[4] if isinstance(item[4], str) else None, item[5]))
    scores = {}
    table = value.get("scores") if isinstance(value.get("scores"), dict) else {}
    for member, by_criterion in table.items():
        entries = {}
        for code, pair in (by_criterion if isinstance(by_criterion, dict) else {}).items():
            if not (isinstance(pair, list) and len(pair) in (2, 3)):
                return None
            entries[code] = (_points(pair[0]), _points(pair[1]))
            if len(pair) == 3:
                evidence = snapshot_evidence(pair[2])
                if evidence is None:
                    return None
                entries[code] += (evidence,)
        scores[member] = entries
    signatures = []
    for item in items("signatures"):
        if not (isinstance(item, list) and len(item) == 3 and isinstance(item[0], str) and isinstance(item[1], str)):
            return None
        signatures.append((item[0], item[1], item[2] if isinstance(item[2], str) else None))
    awards = []
    for item in items("awards"):
        if not (isinstance(item, list) and len(item) == 7 and isinstance(item[0], str) and rules.is_award_kind(item[1])
                and item[2] in AWARD_STATUSES):
            return None
        awards.append(tuple([item[0], item[1], item[2]] + [f if isinstance(f, str) else None for f in item[3:]]))
    elections = []
    for item in items("elections"):
        election = snapshot_election(item)
        if election is None:
            return None
        elections.append(election)
    registrations = {}
    table = value.get("registrations") if isinstance(value.get("registrations"), dict) else {}
    for member, item in table.items():
        if not (isinstance(item, list) and len(item) == 2):
            return None
        registrations[member] = (strings(item[0]), [kind for kind in strings(item[1]) if rules.is_award_kind(kind)])
    following = value.get("nextTerm")
    times = snapshot_times(value.get("times"))
    if not (isinstance(following, list) and len(following) == 4) or times is None:
        return None
    return {
        "next": tuple([following[0] if isinstance(following[0], str) else None, strings(following[1])]
                      + [f if isinstance(f, str) else None for f in following[2:]]),
        "times": times,
        "bloc": value["bloc"], "year": value["year"], "status": value["status"], "finalized": value["finalized"],
        "head": value.get("head") if isinstance(value.get("head"), str) else None,
        "deputies": strings(value.get("deputies")), "members": _last_wins(members), "criteria": _last_wins(criteria),
        "scores": {member: entries for member, entries in scores.items()},
        "elections": elections,
        "registrations": registrations,
        "clauses": strings(value.get("clauses")), "signatures": _last_wins(signatures), "awards": _last_wins(awards),
    }


def snapshot_evidence(value):
    """Evidence(json:) of each item of a score's third field, as (title, sha256, bytes, mediaType); None when thidua
    would not restore it (not a non-empty list, or an item without a title)."""
    if not isinstance(value, list) or not value:
        return None
    items = []
    for item in value:
        if not isinstance(item, dict) or not isinstance(item.get("title"), str):
            return None
        size = item.get("bytes")
        items.append((item["title"], item.get("sha256") if isinstance(item.get("sha256"), str) else None,
                      size if isinstance(size, int) and not isinstance(size, bool) else None,
                      item.get("mediaType") if isinstance(item.get("mediaType"), str) else None))
    return tuple(items)


def snapshot_times(value):
    """YearTimes(snapshot:), as microseconds; None when thidua would not restore it."""
    if not isinstance(value, dict):
        return None

    def stamp(item):
        if item is None:
            return (True, None)
        micros = rules.to_microseconds(item) if isinstance(item, str) else None
        return (micros is not None, micros)

    out = {}
    for key in ("opened", "finalized", "pactDrafted"):
        ok, micros = stamp(value.get(key))
        if not ok:
            return None
        out[key] = micros
    for key in ("criteria", "elections"):
        table = value.get(key) if isinstance(value.get(key), dict) else {}
        out[key] = {}
        for code, item in table.items():
            micros = rules.to_microseconds(item) if isinstance(item, str) else None
            if micros is None:
                return None
            out[key][code] = micros
    return out


def _micros(stamp):
    return None if stamp is None else stamp[0]


def replayed_times(state):
    return {"opened": _micros(state.opened_at), "finalized": _micros(state.finalized_at),
            "pactDrafted": _micros(state.pact_drafted_at),
            "criteria": {code: at[0] for code, at in state.criterion_set_at.items() if at is not None},
            "elections": {code: at[0] for code, at in state.election_opened_at.items() if at is not None}}


def _int(value):
    """JSONNumber.intValue: a whole number within 64 bits."""
    if isinstance(value, int) and not isinstance(value, bool) and -(1 << 63) <= value < (1 << 63):
        return value
    return None


def _int_counts(value):
    return {key: item for key, item in value.items() if _int(item) is not None} if isinstance(value, dict) else {}


def snapshot_election(item):
    """ElectionState(snapshot:), normalised; None when thidua would not restore it."""
    if not isinstance(item, dict) or not isinstance(item.get("id"), str) or item.get("office") not in rules.OFFICES \
            or _int(item.get("seats")) is None or item.get("method") not in rules.METHODS:
        return None
    candidates = item.get("candidates")
    votes = []
    for vote in item.get("votes") if isinstance(item.get("votes"), list) else []:
        if not (isinstance(vote, list) and len(vote) == 2 and isinstance(vote[0], str)):
            return None
        choices = vote[1] if isinstance(vote[1], list) else []
        votes.append((vote[0], [choice for choice in choices if isinstance(choice, str)]))
    tally = None
    if isinstance(item.get("tally"), list):
        f = item["tally"]
        if not (len(f) == 3 and _int(f[0]) is not None and _int(f[1]) is not None):
            return None
        tally = (f[0], f[1], _int_counts(f[2]))
    result = None
    if isinstance(item.get("result"), list):
        f = item["result"]
        if not (len(f) == 5 and _int(f[0]) is not None and _int(f[1]) is not None
                and f[4] in ("elected", "tie", "short", "no-quorum")):
            return None
        elected = [code for code in f[3] if isinstance(code, str)] if isinstance(f[3], list) else []
        result = (f[0], f[1], _int_counts(f[2]), elected, f[4])
    award = item.get("award") if rules.is_award_kind(item.get("award")) else None
    return (item["id"], item["office"], item["seats"],
            [code for code in candidates if isinstance(code, str)] if isinstance(candidates, list) else [],
            item["method"], award, _last_wins(votes), tally, result, _int(item.get("term")))


def replayed_election(election, extra):
    tally = None if election.tally is None else (election.tally[0], election.tally[1], dict(election.tally[2]))
    result = None
    if election.closed:
        ballots, eligible, votes = extra.results.get(election.id, (0, 0, {}))
        result = (ballots, eligible, dict(votes), list(election.elected), election.outcome)
    return (election.id, election.office, election.seats, list(election.candidates), election.method, election.award,
            [(voter, list(choices)) for voter, choices in election.votes.items()], tally, result, election.term)


def _last_wins(rows):
    """OrderedTable.upsert: a repeated key keeps its first place and takes the later value."""
    table = {}
    for row in rows:
        table[row[0]] = row
    return list(table.values())


def replayed_state(stream, state, extra):
    return {
        "next": (state.next_head, list(state.next_deputies), state.next_head_election, state.next_deputy_election),
        "times": replayed_times(state),
        "bloc": stream[0], "year": stream[1], "status": state.status, "finalized": state.finalized, "head": state.head,
        "deputies": list(state.deputies),
        "members": [(code, extra.names.get(code, ""), active) for code, active in state.members.items()],
        "criteria": [(code, extra.titles.get(code, ("", None))[0], criterion.maximum, criterion.kind,
                      extra.titles.get(code, ("", None))[1], criterion.retired) for code, criterion in state.criteria.items()],
        "scores": {member: {code: tuple(entry) + ((extra.evidence[(member, code)],) if extra.evidence.get((member, code)) else ())
                            for code, entry in by_criterion.items()}
                   for member, by_criterion in state.scores.items()},
        "elections": [replayed_election(election, extra) for election in state.elections.values()],
        "registrations": dict(extra.registrations),
        "clauses": list(extra.clauses),
        "signatures": [(member,) + extra.signatures[member] for member in extra.signatures],
        "awards": [(member, kind, status, extra.awards.get(member, (None,))[0], election) + extra.awards.get(member, (None, None, None))[1:]
                   for member, (kind, status, election) in state.awards.items()],
    }


def stored_snapshot(connection, stream_text):
    """The year's stored snapshot as (version, its bytes, its JSON), or None when there is none or it is not JSON."""
    row = connection.execute("SELECT IFNULL(CAST(version AS INTEGER), -1), IFNULL(CAST(state AS TEXT), '') "
                             "FROM year_snapshot WHERE stream = ?", (stream_text,)).fetchone()
    if row is None:
        return None
    data = row[1] if isinstance(row[1], bytes) else str(row[1]).encode("utf-8")
    try:
        return row[0], data, rules.parse_json(data.decode("utf-8"))
    except (rules.NotJSON, UnicodeDecodeError):
        return None


def snapshot_matches(connection, stream, stream_text, state, extra):
    """YearSnapshot.load(requireSeal: false) == state: current, restorable, sealed right if sealed, same state."""
    stored = stored_snapshot(connection, stream_text)
    if stored is None or stored[0] != extra.version:
        return False
    _, data, value = stored
    restored = snapshot_state(value)
    if restored is None or restored != replayed_state(stream, state, extra):
        return False
    if "seal" not in value:
        return True
    seal = value["seal"]
    found = seal_range(data)
    if not isinstance(seal, str) or found is None or data[found[0]:found[1]] != seal.encode("utf-8"):
        return False
    hashed = connection.execute("SELECT CAST(hash AS BLOB) FROM event WHERE stream = ? AND version = ?",
                                (stream_text, extra.version)).fetchone()
    if hashed is None or hashed[0] is None:
        return False
    zeroed = data[:found[0]] + b"0" * 64 + data[found[1]:]
    return hashlib.sha256(bytes(hashed[0]) + zeroed).hexdigest() == seal


def outdated_snapshots(connection, replay):
    """The years whose snapshot is of an older layout and so not compared (VerifyReport.outdatedSnapshots)."""
    out = []
    for stream, state in replay.years.items():
        extra = replay.extras.get(stream) or Extra()
        stream_text = rules.stream_text(stream)
        if not snapshot_matches(connection, stream, stream_text, state, extra) and snapshot_outdated(connection, stream_text):
            out.append(stream_text)
    return sorted(out)


def snapshot_outdated(connection, stream_text):
    """YearSnapshot.isOutdated: the stored snapshot says it is of an older layout (outdated, not altered)."""
    stored = stored_snapshot(connection, stream_text)
    if stored is None:
        return False
    value = stored[2]
    layout = _int(value.get("layout")) if isinstance(value, dict) else None
    return layout is not None and layout < SNAPSHOT_LAYOUT


# ---------------------------------------------------------------------------------------------

BLOC_NAME = "IFNULL(CASE WHEN json_valid(data) THEN CAST(json_extract(data, '$.name') AS TEXT) END, '')"


def problems(connection, replay):
    """EventStore.projectionProblems: each year's projection and snapshot, the bloc list, rows of unknown years."""
    out = []
    known = set()
    for stream, state in replay.years.items():
        extra = replay.extras.get(stream) or Extra()
        stream_text = rules.stream_text(stream)
        known.add(stream_text)
        stored = stored_projection(connection, stream_text)
        if stored is None:
            out.append("%s: projections are missing" % stream_text)
            continue
        expected = expected_projection(stream, state, extra)
        if stored != expected:
            out.append("%s: %s" % (stream_text, first_difference(stored, expected)))
        if not snapshot_matches(connection, stream, stream_text, state, extra) \
                and not snapshot_outdated(connection, stream_text):
            out.append("%s: the year's snapshot differs from the log" % stream_text)
    blocs = [tuple(_text(v) if not isinstance(v, int) else v for v in row) for row in connection.execute(
        "SELECT IFNULL(CAST(code AS TEXT), ''), IFNULL(CAST(name AS TEXT), ''), IFNULL(CAST(position AS INTEGER), 0) "
        "FROM bloc_summary ORDER BY position")]
    founded = [tuple(_text(v) if not isinstance(v, int) else v for v in row) for row in connection.execute(
        "SELECT IFNULL(CAST(stream AS TEXT), ''), %s, position FROM event WHERE type = 'bloc.founded' ORDER BY position"
        % BLOC_NAME)]
    if blocs != founded:
        out.append("the list of blocs differs from the log")
    for table in TABLES:
        for (stream_text,) in connection.execute("SELECT DISTINCT IFNULL(CAST(stream AS TEXT), '') FROM %s" % table):
            stream_text = _text(stream_text)
            if stream_text not in known:
                out.append("%s: %s holds rows for a year the log does not have" % (stream_text, table))
    return out

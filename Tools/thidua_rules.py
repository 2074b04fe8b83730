"""thidua's rules, re-decided independently of its Swift code (Python standard library only).

A port of Sources/ThiDuaCore/Domain (DataReader and Payload: strict decoding of each type's data;
Decider, YearRules and AwardRules: who may record what, and when; the evolve of YearState and
BlocState; ElectionResult, Standings and Points: exact arithmetic in hundredths) and of the parts
of Text, Envelope, Timestamp and JSON that a stored row must still satisfy. The codes are the Swift
rules' codes. A rule changed in Swift must be changed here too; the differential tests of
Tests/ThiDuaCLITests/RuleParityTests.swift run both on the same logs and forged rows.

`Redecider.add` takes the rows of the `event` table in position order and keeps the first that
breaks a rule (or no longer decodes), as `thidua verify` does: every event is decided against the
states before it, with its bloc's rules as the bloc stream stands at the event's position.
"""
import json
import os
import re
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import ed25519  # noqa: E402  (beside this script: RFC 8032 with the standard library, or `cryptography` when installed)

# ---------------------------------------------------------------------------------------------
# Rule codes (the same as the Swift rules')

BAD_STREAM = "bad-stream"
UNKNOWN_SCHEMA = "unknown-schema"
UNKNOWN_TYPE = "unknown-type"
MALFORMED_JSON = "malformed-json"
STREAM_MISMATCH = "stream-mismatch"
# decoding of data
WRONG_TYPE = "wrong-type"
MISSING_FIELD = "missing-field"
UNKNOWN_FIELD = "unknown-field"
UNEXPECTED_FIELD = "unexpected-field"
BAD_CODE = "bad-code"
BAD_VALUE = "bad-value"
BAD_POINTS = "bad-points"
BAD_FRACTION = "bad-fraction"
BAD_YEAR = "bad-year"
BAD_DATE = "bad-date"
NUMBER_TOO_LARGE = "number-too-large"
MULTI_LINE_TEXT = "multi-line-text"
TAB_IN_TEXT = "tab-in-text"
BIDI_CONTROL = "bidi-control"
CONTROL_CHARACTER = "control-character"
TEXT_TOO_LONG = "text-too-long"
# Text the store would have written NFC-normalised (Envelope normalises every input text; Swift has
# no code for it because on input it normalises instead of refusing).
NOT_NFC = "not-nfc"
# bloc and year gates, authority
NOT_ALLOWED = "not-allowed"
BLOC_EXISTS = "bloc-exists"
NO_BLOC = "no-bloc"
YEAR_NOT_OPEN = "year-not-open"
YEAR_CLOSED = "year-closed"
# year rules
YEAR_OPEN = "year-open"
TOO_FEW_MEMBERS = "too-few-members"
DUPLICATE_MEMBER = "duplicate-member"
NOT_A_MEMBER = "not-a-member"
MEMBER_WITHDRAWN = "member-withdrawn"
MEMBER_EXISTS = "member-exists"
OFFICER_TWICE = "officer-twice"
SCORES_FINAL = "scores-final"
BAD_MAXIMUM = "bad-maximum"
MAXIMUM_BELOW_SCORE = "maximum-below-score"
UNKNOWN_CRITERION = "unknown-criterion"
CRITERION_RETIRED = "criterion-retired"
NEGATIVE_POINTS = "negative-points"
POINTS_OVER_MAXIMUM = "points-over-maximum"
# elections
ELECTION_EXISTS = "election-exists"
BAD_SEATS = "bad-seats"
NO_CANDIDATES = "no-candidates"
DUPLICATE_CANDIDATE = "duplicate-candidate"
UNKNOWN_ELECTION = "unknown-election"
ELECTION_CLOSED = "election-closed"
ELECTION_OPEN = "election-open"
SECRET_BALLOT = "secret-ballot"
OPEN_BALLOT = "open-ballot"
ALREADY_VOTED = "already-voted"
NOT_A_CANDIDATE = "not-a-candidate"
DUPLICATE_CHOICE = "duplicate-choice"
TOO_MANY_CHOICES = "too-many-choices"
NO_VOTE = "no-vote"
TOO_MANY_BALLOTS = "too-many-ballots"
COUNT_OVER_BALLOTS = "count-over-ballots"
# pact
PACT_SIGNED = "pact-signed"
NO_PACT = "no-pact"
ALREADY_SIGNED = "already-signed"
# awards and closing
NOT_FINALIZED = "not-finalized"
ONE_AWARD = "one-award"
NOT_FIRST = "not-first"
FLAG_LIMIT = "flag-limit"
CERTIFICATE_LIMIT = "certificate-limit"
AWARD_LIMIT = "award-limit"
UNKNOWN_AWARD_KIND = "unknown-award-kind"
BAD_AWARD_KIND = "bad-award-kind"
DUPLICATE_AWARD_KIND = "duplicate-award-kind"
NO_AWARD_KINDS = "no-award-kinds"
WRONG_ELECTION = "wrong-election"
NOT_ELECTED = "not-elected"
NO_PROPOSAL = "no-proposal"
YEAR_NOT_CLOSED = "year-not-closed"
# §10: terms, time, reviews
BAD_TERM = "bad-term"
OUT_OF_ORDER_TIME = "out-of-order-time"
SELF_REVIEW = "self-review"
LEEWAY = 5 * 60 * 1_000_000       # microseconds an event may say it occurred after it was recorded

SECRETARIAT = "secretariat"
SCHEMA = 1
# Types whose data has a later layout than 1 (EventType.latestSchema); every layout up to it is read, an older one
# upcast when read (Upcast.swift).
LATEST_SCHEMAS = {"score.submitted": 2}
YEARS = range(1900, 3000)
MAXIMUM_TEXT = 2000
MAXIMUM_INTEGER = 1_000_000       # whole numbers in event data (seats, ballots, counts, limits)
MAXIMUM_TERM = 1_000_000          # a fraction's denominator
MAXIMUM_POINTS = 100_000_000_000  # in hundredths
MAXIMUM_DEPTH = 32                # JSON nesting
MAXIMUM_DIGITS = 30               # significant digits of a JSON number

BLOC_TYPES = ("bloc.founded", "rules.adopted", "key.registered", "key.revoked")
CRITERION_KINDS = ("base", "bonus", "penalty")
OFFICES = ("head", "deputy", "award")
METHODS = ("open", "secret")
# The kinds in force without an adopted list (AwardKind.swift): kind, name, only to the first-ranked.
NATIONAL_AWARDS = (("government-flag", "Cờ thi đua của Chính phủ", True), ("pm-certificate", "Bằng khen của Thủ tướng Chính phủ", False))
AWARD_KIND = re.compile(r"[a-z0-9-]{1,32}\Z")
OUTCOMES = ("granted", "rejected")


class RuleBreak(Exception):
    """Why an event could not have been recorded: a rule code, the field, and what is wrong."""

    def __init__(self, code, reason, field=None):
        super().__init__(reason)
        self.code = code
        self.reason = reason
        self.field = field

    def __str__(self):
        return ("field %s: " % self.field if self.field else "") + self.reason


def data_break(code, reason, field=None):
    return RuleBreak(code, reason, None if field is None else "data." + field)


# ---------------------------------------------------------------------------------------------
# JSON as thidua parses it: exact numbers, unique keys, valid UTF-8 and no lone surrogates, depth < 32

class Dec:
    """A JSON number that is not whole, exactly: units × 10^-scale, canonical (no trailing zero)."""
    __slots__ = ("units", "scale")

    def __init__(self, units, scale):
        self.units = units
        self.scale = scale

    def __str__(self):
        return number_text(self.units, self.scale)

    __repr__ = __str__


def number_text(units, scale):
    """`97.5`, `98`, `-0.25`: as JSONNumber's description."""
    sign = "-" if units < 0 else ""
    digits = str(abs(units))
    if scale == 0:
        return sign + digits
    digits = digits.rjust(scale + 1, "0")
    return sign + digits[:-scale] + "." + digits[-scale:]


def _whole(text):
    if len(text.lstrip("-")) > MAXIMUM_DIGITS:
        raise ValueError("number out of range")
    return int(text)


def _decimal(text):
    """A number with a fraction or an exponent, canonical: a Python int when whole, else a Dec."""
    negative = text.startswith("-")
    body = text[1:] if negative else text
    mantissa, _, exponent_text = body.replace("E", "e").partition("e")
    integer, _, fraction = mantissa.partition(".")
    exponent = 0
    if exponent_text:
        digits = exponent_text.lstrip("+-").lstrip("0") or "0"
        exponent = 10_000 if len(digits) > 5 else min(int(digits), 10_000)
        if exponent_text.startswith("-"):
            exponent = -exponent
    exponent -= len(fraction)
    digits = (integer + fraction).lstrip("0")
    if not digits:
        return 0
    if exponent < 0:
        kept = digits.rstrip("0")
        cut = min(len(digits) - len(kept), -exponent)
        digits, exponent = digits[:len(digits) - cut], exponent + cut
    if exponent > 0:
        if len(digits) + exponent > MAXIMUM_DIGITS:
            raise ValueError("number out of range")
        digits, exponent = digits + "0" * exponent, 0
    if len(digits) > MAXIMUM_DIGITS or -exponent > MAXIMUM_DIGITS:
        raise ValueError("number out of range")
    units = -int(digits) if negative else int(digits)
    return units if exponent == 0 else Dec(units, -exponent)


def _constant(name):
    raise ValueError("unknown literal %s" % name)


def _unique(pairs):
    fields = dict(pairs)
    if len(fields) != len(pairs):
        seen = set()
        for key, _ in pairs:
            if key in seen:
                raise ValueError('field "%s" appears twice' % key)
            seen.add(key)
    return fields


_DECODER = json.JSONDecoder(parse_float=_decimal, parse_int=_whole, parse_constant=_constant,
                            object_pairs_hook=_unique)
_SURROGATE = re.compile("[\ud800-\udfff]")


class NotJSON(Exception):
    pass


def parse_json(text):
    """The JSON value of `text` (a str), or NotJSON: what thidua's own parser refuses is refused here."""
    try:
        value = _DECODER.decode(text)
    except (ValueError, RecursionError) as error:
        raise NotJSON(str(error).split(":")[0])
    _check_tree(value)
    return value


def _check_tree(value):
    """Thidua's parser refuses a value nested 32 levels deep and a \\u escape that is a lone surrogate."""
    stack = [(value, 0)]
    while stack:
        item, depth = stack.pop()
        if depth >= MAXIMUM_DEPTH:
            raise NotJSON("nesting deeper than %d levels" % MAXIMUM_DEPTH)
        if isinstance(item, str):
            if _SURROGATE.search(item):
                raise NotJSON("lone surrogate in \\u escape")
        elif isinstance(item, dict):
            for key, child in item.items():
                if _SURROGATE.search(key):
                    raise NotJSON("lone surrogate in \\u escape")
                stack.append((child, depth + 1))
        elif isinstance(item, list):
            stack.extend((child, depth + 1) for child in item)


def kind_name(value):
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "a boolean"
    if isinstance(value, (int, Dec)):
        return "a number"
    if isinstance(value, str):
        return "a string"
    if isinstance(value, list):
        return "an array"
    return "an object"


def is_number(value):
    return (isinstance(value, int) and not isinstance(value, bool)) or isinstance(value, Dec)


def parts_of(number):
    """(units, scale) of a number."""
    return (number, 0) if isinstance(number, int) else (number.units, number.scale)


def units_at(number, wanted):
    """The number in units of 10^-wanted, when it has at most that many decimals and 18 digits; else None."""
    units, scale = parts_of(number)
    if scale > wanted or len(str(abs(units))) + (wanted - scale) > 18:
        return None
    return units * 10 ** (wanted - scale)


def swift_int(text, bits=64):
    """Swift's Int(text): an optional sign, ASCII digits, within 64 bits; else None."""
    if len(text) > 24 or not _SIGNED.fullmatch(text):
        return None
    value = int(text)
    return value if -(1 << (bits - 1)) <= value < (1 << (bits - 1)) else None


_SIGNED = re.compile("[+-]?[0-9]+")

# ---------------------------------------------------------------------------------------------
# Text (Text.swift): codes, one-line names, control characters, NFC, length

_CODE = re.compile("[A-Z0-9._-]{1,32}")
_CONTROL = re.compile("[\x00-\x08\x0b-\x1f\x7f-\x9f]")
_BIDI = re.compile("[\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_ONE_LINE = re.compile("[\t\n\r\x0b\x0c\x85\u2028\u2029\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")
_NOT_WHITE_SPACE = re.compile("[^\t-\r \x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]")


def is_code(text):
    return _CODE.fullmatch(text) is not None


def scalar_name(char):
    return "U+%04X" % ord(char)


def check_code(text, field):
    if not is_code(text):
        raise RuleBreak(BAD_CODE, '"%s" is not a code' % text[:40], field)
    return text


def is_blank(text):
    return _NOT_WHITE_SPACE.search(text) is None


def is_award_kind(text):
    """AwardKind.swift: lowercase [a-z0-9-]{1,32}."""
    return isinstance(text, str) and AWARD_KIND.match(text) is not None


def check_one_line(text, field):
    """A name, title or signatory (§10): no line break, tab or bidi control; the first one found is named."""
    found = _NOT_ONE_LINE.search(text)
    if found is None:
        return text
    char = found.group()
    if char == "\t":
        raise RuleBreak(TAB_IN_TEXT, "a name or title may not hold a tab (U+0009)", field)
    if _BIDI.match(char):
        raise RuleBreak(BIDI_CONTROL, "a name or title may not hold the bidi control %s, which changes the order "
                        "a reader sees" % scalar_name(char), field)
    raise RuleBreak(MULTI_LINE_TEXT, "a name or title must be one line; this one holds a line break (%s)"
                    % scalar_name(char), field)


def check_stored_text(text, field):
    """Text as the store writes it (Envelope normalises every input text): no control character but tab and
    newline, NFC, at most 2,000 characters."""
    control = _CONTROL.search(text)
    if control:
        raise RuleBreak(CONTROL_CHARACTER, "text holds the control character %s" % scalar_name(control.group()), field)
    if text.isascii():
        if len(text) > MAXIMUM_TEXT:
            raise RuleBreak(TEXT_TOO_LONG, "text has %d characters, the limit is %d" % (len(text), MAXIMUM_TEXT), field)
        return
    if not unicodedata.is_normalized("NFC", text):
        raise RuleBreak(NOT_NFC, "text is not in NFC, as the store writes every text", field)
    if len(text) > MAXIMUM_TEXT:
        raise RuleBreak(TEXT_TOO_LONG, "text has %d characters, the limit is %d" % (len(text), MAXIMUM_TEXT), field)


def check_data_text(value, path):
    """Every string of the data, as Envelope.normalized checks them (keys are not texts)."""
    if isinstance(value, str):
        check_stored_text(value, path)
    elif isinstance(value, dict):
        for key, child in value.items():
            check_data_text(child, path + "." + key)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            check_data_text(child, "%s[%d]" % (path, index))


# ---------------------------------------------------------------------------------------------
# Timestamp.swift: an award's date

def _days_in(month, year):
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_STAMP = re.compile(r"([0-9]{4})-([0-9]{2})-([0-9]{2})T([0-9]{2}):([0-9]{2}):([0-9]{2})(\.[0-9]*)?(Z|[+-][0-9]{2}:[0-9]{2})",
                    re.ASCII)


def is_timestamp(text):
    """`YYYY-MM-DDTHH:MM:SS[.fraction](Z|±HH:MM)`, a real date and time, an offset of at most 14 hours."""
    match = _STAMP.fullmatch(text)
    if not match:
        return False
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    if not (1 <= month <= 12 and 1 <= day <= _days_in(month, year) and hour < 24 and minute < 60 and second < 60):
        return False
    fraction = match.group(7)
    if fraction is not None and not 2 <= len(fraction) <= 10:
        return False
    offset = match.group(8)
    return offset == "Z" or (int(offset[1:3]) <= 14 and int(offset[4:6]) < 60)


def to_microseconds(text):
    """Timestamp(parsing:).microseconds: microseconds since 1970-01-01T00:00:00Z, or None when not a timestamp."""
    if text is None or not is_timestamp(text):
        return None
    match = _STAMP.fullmatch(text)
    year, month, day, hour, minute, second = (int(match.group(i)) for i in range(1, 7))
    fraction = (match.group(7) or ".")[1:]
    micros = int((fraction[:6]).ljust(6, "0")) if fraction else 0
    offset = match.group(8)
    offset_minutes = 0 if offset == "Z" else (int(offset[1:3]) * 60 + int(offset[4:6])) * (-1 if offset[0] == "-" else 1)
    y = year - 1 if month <= 2 else year
    era = (y if y >= 0 else y - 399) // 400
    yoe = y - era * 400
    doy = (153 * (month + (-3 if month > 2 else 9)) + 2) // 5 + day - 1
    doe = yoe * 365 + yoe // 4 - yoe // 100 + doy
    days = era * 146_097 + doe - 719_468
    seconds = days * 86_400 + hour * 3600 + minute * 60 + second - offset_minutes * 60
    return seconds * 1_000_000 + micros


def is_date_bound(text):
    """Timestamp(bound:): a date alone (10 bytes) or a full timestamp."""
    if len(text.encode("utf-8")) == 10:
        return is_timestamp(text + "T00:00:00+07:00")
    return is_timestamp(text)


# ---------------------------------------------------------------------------------------------
# Points and fractions (Points.swift), exact

def points_text(hundredths):
    return number_text(*_canonical(hundredths, 2))


def _canonical(units, scale):
    while scale > 0 and units % 10 == 0:
        units //= 10
        scale -= 1
    return (0, 0) if units == 0 else (units, scale)


def saturating(value):
    return max(-(1 << 63), min((1 << 63) - 1, value))


def to_points(number):
    hundredths = units_at(number, 2)
    if hundredths is None or abs(hundredths) > MAXIMUM_POINTS:
        return None
    return hundredths


def fraction_of_number(number):
    units, scale = parts_of(number)
    if scale > 6 or units_at(number, scale) is None:
        return None
    return (units, 10 ** scale)


def fraction_of_text(text):
    parts = [part for part in text.split("/") if part]
    if len(parts) == 2:
        numerator, denominator = swift_int(parts[0]), swift_int(parts[1])
        if numerator is not None and denominator is not None and denominator > 0:
            return (numerator, denominator)
    try:
        value = parse_json(text)
    except NotJSON:
        return None
    return fraction_of_number(value) if is_number(value) else None


def is_proper(fraction):
    numerator, denominator = fraction
    return 0 <= numerator <= denominator and 0 < denominator <= MAXIMUM_TERM


def exceeded(fraction, count, total):
    """count > fraction × total, exactly."""
    return count * fraction[1] > fraction[0] * total


def reached(fraction, count, total):
    """count >= fraction × total, exactly."""
    return count * fraction[1] >= fraction[0] * total


# ---------------------------------------------------------------------------------------------
# DataReader.swift: strict decoding of an event's data

_MISSING = object()


class Reader:
    """Reads an event's data field by field; `finish` refuses fields left unread."""
    __slots__ = ("fields", "found", "names")

    def __init__(self, fields):
        self.fields = fields
        self.found = 0
        self.names = []

    def fail(self, name, code, reason):
        return data_break(code, reason, name)

    def value(self, name):
        self.names.append(name)
        value = self.fields.get(name, _MISSING)
        if value is _MISSING:
            return None
        self.found += 1
        return value

    def text(self, name):
        value = self.value(name)
        if value is None or isinstance(value, str):
            return value
        raise self.fail(name, WRONG_TYPE, "expected text, found %s" % kind_name(value))

    def required_text(self, name):
        text = self.text(name)
        if text is None or is_blank(text):
            raise self.fail(name, MISSING_FIELD, "missing or empty")
        return text

    def required_line(self, name):
        return check_one_line(self.required_text(name), "data." + name)

    def line(self, name):
        text = self.text(name)
        return None if text is None else check_one_line(text, "data." + name)

    def code(self, name):
        return check_code(self.required_text(name), "data." + name)

    def optional_code(self, name):
        text = self.text(name)
        return None if text is None else check_code(text, "data." + name)

    def codes(self, name, required=True):
        value = self.value(name)
        if value is None:
            if required:
                raise self.fail(name, MISSING_FIELD, "missing")
            return []
        if not isinstance(value, list):
            raise self.fail(name, WRONG_TYPE, "expected a list of codes, found %s" % kind_name(value))
        out = []
        for index, element in enumerate(value):
            if not isinstance(element, str):
                raise self.fail("%s[%d]" % (name, index), WRONG_TYPE, "expected a code, found %s" % kind_name(element))
            out.append(check_code(element, "data.%s[%d]" % (name, index)))
        return out

    def texts(self, name):
        value = self.value(name)
        if value is None:
            raise self.fail(name, MISSING_FIELD, "missing")
        if not isinstance(value, list):
            raise self.fail(name, WRONG_TYPE, "expected a list of texts, found %s" % kind_name(value))
        for index, element in enumerate(value):
            if not isinstance(element, str) or is_blank(element):
                raise self.fail("%s[%d]" % (name, index), WRONG_TYPE, "expected non-empty text, found %s" % kind_name(element))
        return value

    def integer(self, name):
        value = self.value(name)
        if value is None:
            return None
        if not is_number(value) or isinstance(value, Dec):
            found = str(value) if isinstance(value, Dec) else kind_name(value)
            raise self.fail(name, WRONG_TYPE, "expected a whole number, found %s" % found)
        if abs(value) > MAXIMUM_INTEGER:
            raise self.fail(name, NUMBER_TOO_LARGE, "%s is beyond ±%d" % (str(value)[:40], MAXIMUM_INTEGER))
        return value

    def required_integer(self, name):
        value = self.integer(name)
        if value is None:
            raise self.fail(name, MISSING_FIELD, "missing")
        return value

    def points(self, name):
        value = self.value(name)
        if value is None:
            raise self.fail(name, MISSING_FIELD, "missing")
        if not is_number(value):
            raise self.fail(name, WRONG_TYPE, "expected a number, found %s" % kind_name(value))
        points = to_points(value)
        if points is None:
            raise self.fail(name, BAD_POINTS, "%s is not a number of points" % value)
        return points

    def fraction(self, name):
        value = self.value(name)
        if value is None:
            return None
        if is_number(value):
            fraction = fraction_of_number(value)
            shown = str(value)[:40]
        elif isinstance(value, str):
            fraction = fraction_of_text(value)
            shown = '"%s"' % value[:40]
        else:
            raise self.fail(name, WRONG_TYPE, "expected a fraction, found %s" % kind_name(value))
        if fraction is None or not is_proper(fraction):
            raise self.fail(name, BAD_FRACTION, "%s is not a fraction between 0 and 1" % shown)
        return fraction

    def choice(self, name, allowed):
        text = self.text(name)
        if text is None:
            return None
        if text not in allowed:
            raise self.fail(name, BAD_VALUE, '"%s" is not one of %s' % (text[:40], ", ".join(allowed)))
        return text

    def required_choice(self, name, allowed):
        value = self.choice(name, allowed)
        if value is None:
            raise self.fail(name, MISSING_FIELD, "missing")
        return value

    def counts_by_code(self, name):
        value = self.value(name)
        if not isinstance(value, dict):
            raise self.fail(name, WRONG_TYPE, "expected an object of code: count")
        for key, count in value.items():
            check_code(key, "data.%s.%s" % (name, key))
            if not isinstance(count, int) or isinstance(count, bool) or count < 0:
                raise self.fail("%s.%s" % (name, key), WRONG_TYPE, "expected a count of 0 or more")
            if count > MAXIMUM_INTEGER:
                raise self.fail("%s.%s" % (name, key), NUMBER_TOO_LARGE, "%s is beyond ±%d" % (str(count)[:40], MAXIMUM_INTEGER))
        return value

    # DataReader+AwardKinds.swift: well-formed kinds here; whether one is in force is the rules' question
    def award_kind_text(self, text, field):
        if not is_award_kind(text):
            raise self.fail(field, BAD_AWARD_KIND, '"%s" is not an award kind' % text[:40])
        return text

    def optional_award_kind(self, name):
        value = self.value(name)
        if value is None:
            return None
        if not isinstance(value, str):
            raise self.fail(name, WRONG_TYPE, "expected an award kind, found %s" % kind_name(value))
        return self.award_kind_text(value, name)

    def required_award_kind(self, name):
        kind = self.optional_award_kind(name)
        if kind is None:
            raise self.fail(name, MISSING_FIELD, "missing")
        return kind

    def award_kinds(self, name):
        value = self.value(name)
        if value is None:
            return []
        if not isinstance(value, list):
            raise self.fail(name, WRONG_TYPE, "expected a list of award kinds, found %s" % kind_name(value))
        for index, element in enumerate(value):
            if not isinstance(element, str):
                raise self.fail("%s[%d]" % (name, index), WRONG_TYPE, "expected an award kind, found %s" % kind_name(element))
            self.award_kind_text(element, "%s[%d]" % (name, index))
        return value

    def required_bool(self, name):
        value = self.value(name)
        if value is None:
            raise self.fail(name, MISSING_FIELD, "missing; write true or false")
        if not isinstance(value, bool):
            raise self.fail(name, WRONG_TYPE, "expected true or false, found %s" % kind_name(value))
        return value

    def award_definitions(self, name):
        """rules.adopted awards: [{kind, name, onlyFirst, limit?}], at least one, each kind once; None when absent."""
        value = self.value(name)
        if value is None:
            return None
        if not isinstance(value, list):
            raise self.fail(name, WRONG_TYPE, "expected a list of awards, found %s" % kind_name(value))
        if not value:
            raise self.fail(name, NO_AWARD_KINDS, "an adopted list of awards needs at least one kind")
        out = []
        for index, element in enumerate(value):
            if not isinstance(element, dict):
                raise self.fail("%s[%d]" % (name, index), WRONG_TYPE, "expected an award, found %s" % kind_name(element))
            inner = Reader(element)
            try:
                kind = inner.required_award_kind("kind")
                title = inner.required_line("name")
                only_first = inner.required_bool("onlyFirst")
                limit = inner.integer("limit")
                if limit is not None and limit < 0:
                    raise inner.fail("limit", BAD_VALUE, "must be 0 or more")
                inner.finish()
                if any(award[0] == kind for award in out):
                    raise inner.fail("kind", DUPLICATE_AWARD_KIND, "%s is listed twice; each kind is defined once" % kind)
            except RuleBreak as error:
                if error.field and error.field.startswith("data."):
                    error.field = "data.%s[%d]." % (name, index) + error.field[len("data."):]
                raise
            out.append((kind, title, only_first, limit))
        return out

    def finish(self):
        if self.found < len(self.fields):
            unknown = next(key for key in sorted(self.fields) if key not in self.names)
            raise self.fail(unknown, UNKNOWN_FIELD, "unknown data field")


# ---------------------------------------------------------------------------------------------
# Payload.swift: each type's data, decoded in the order Swift reads it

class Rules:
    __slots__ = ("from_year", "majority", "quorum", "flag_limit", "certificate_limit", "awards", "signatures")

    def __init__(self, from_year, majority, quorum, flag_limit, certificate_limit, awards=None, signatures="optional"):
        self.signatures = signatures  # "optional" or "required": must every year event be signed by its actor?
        self.from_year = from_year
        self.majority = majority
        self.quorum = quorum
        self.flag_limit = flag_limit
        self.certificate_limit = certificate_limit
        self.awards = awards  # [(kind, name, only_first, limit)], or None for the national kinds

    def award_kinds(self):
        """The kinds in force: the adopted list, else the national kinds with flagLimit and certificateLimit."""
        if self.awards is not None:
            return self.awards
        (flag, flag_name, _), (certificate, certificate_name, _) = NATIONAL_AWARDS
        return [(flag, flag_name, True, self.flag_limit), (certificate, certificate_name, False, self.certificate_limit)]


DEFAULT_RULES = Rules(0, (1, 2), (2, 3), 1, None)


def decode_rules_adopted(r):
    from_year = r.required_integer("fromYear")
    if from_year not in YEARS:
        raise r.fail("fromYear", BAD_YEAR, "%d is not a year" % from_year)
    given_flag_limit = r.integer("flagLimit")
    flag_limit = DEFAULT_RULES.flag_limit if given_flag_limit is None else given_flag_limit
    certificate_limit = r.integer("certificateLimit")
    if flag_limit < 0:
        raise r.fail("flagLimit", BAD_VALUE, "must be 0 or more")
    if certificate_limit is not None and certificate_limit < 0:
        raise r.fail("certificateLimit", BAD_VALUE, "must be 0 or more")
    majority = r.fraction("majority") or DEFAULT_RULES.majority
    quorum = r.fraction("quorum") or DEFAULT_RULES.quorum
    awards = r.award_definitions("awards")
    if awards is not None and (given_flag_limit is not None or certificate_limit is not None):
        field = "flagLimit" if given_flag_limit is not None else "certificateLimit"
        raise r.fail(field, UNEXPECTED_FIELD, "%s limits a national kind, which an adopted list of awards replaces" % field)
    signatures = r.choice("signatures", SIGNATURE_POLICIES) or "optional"
    return {"rules": Rules(from_year, majority, quorum, flag_limit, certificate_limit, awards, signatures)}


def decode_year_opened(r):
    listed = r.value("members")
    if not isinstance(listed, list):
        raise r.fail("members", MISSING_FIELD, 'missing; list the members as [{"code":…, "name":…}]')
    members = []
    for index, element in enumerate(listed):
        if not isinstance(element, dict):
            raise r.fail("members[%d]" % index, WRONG_TYPE, 'expected {"code":…, "name":…}')
        inner = Reader(element)
        try:
            code = inner.code("code")
            inner.required_line("name")
            inner.finish()
        except RuleBreak as error:
            if error.field and error.field.startswith("data."):
                error.field = "data.members[%d]." % index + error.field[len("data."):]
            raise
        members.append(code)
    return {"members": members, "head": r.optional_code("head"), "deputies": r.codes("deputies", required=False),
            "basis": r.text("basis")}


def decode_criterion_set(r):
    code = r.code("code")
    r.required_line("title")
    maximum = r.points("maxPoints")
    kind = r.choice("kind", CRITERION_KINDS) or "base"
    r.optional_code("group")
    return {"code": code, "maxPoints": maximum, "kind": kind}


def decode_score(r, remark, schema=SCHEMA):
    member, criterion, points = r.code("member"), r.code("criterion"), r.points("points")
    payload = {"member": member, "criterion": criterion, "points": points}
    if remark == "evidence":
        payload["evidence"] = upcast_evidence(r, schema)
    else:
        r.required_text("reason")
    return payload


# ---------------------------------------------------------------------------------------------
# Evidence documents (Evidence.swift, DataReader+Evidence.swift, Upcast.swift)

BAD_SHA256 = "bad-sha256"
BAD_BYTES = "bad-bytes"
BAD_MEDIA_TYPE = "bad-media-type"
DUPLICATE_EVIDENCE = "duplicate-evidence"
TOO_MUCH_EVIDENCE = "too-much-evidence"
MAXIMUM_EVIDENCE_BYTES = 268435456
MAXIMUM_EVIDENCE_COUNT = 100
SHA256_TEXT = re.compile(r"[0-9a-f]{64}")
MEDIA_TYPE_NAME = re.compile(r"[0-9a-z][0-9a-z!#$&\-^_.+]{0,126}")


def is_media_type(text):
    if len(text.encode("utf-8")) > 255 or any(not 0x20 <= ord(c) < 0x7F for c in text):
        return False
    parts = text.split(";", 1)[0].split("/")
    return len(parts) == 2 and all(MEDIA_TYPE_NAME.fullmatch(part) for part in parts)


def upcast_evidence(r, schema):
    """A self-score's evidence in the latest layout, as a list of (title, sha256, bytes, mediaType): schema 1's text
    is one item with only a title."""
    if schema < 2:
        text = r.text("evidence")
        return [] if text is None else [(text, None, None, None)]
    value = r.value("evidence")
    if value is None:
        return []
    if not isinstance(value, list):
        raise r.fail("evidence", WRONG_TYPE, 'expected a list of documents [{"title":…, "sha256":…, "bytes":…}], found %s'
                     % kind_name(value))
    if len(value) > MAXIMUM_EVIDENCE_COUNT:
        raise r.fail("evidence", TOO_MUCH_EVIDENCE, "%d documents; a self-score cites at most %d"
                     % (len(value), MAXIMUM_EVIDENCE_COUNT))
    items, seen = [], set()
    for index, element in enumerate(value):
        path = "evidence[%d]" % index
        if not isinstance(element, dict):
            raise r.fail(path, WRONG_TYPE, 'expected {"title":…, "sha256":…, "bytes":…}, found %s' % kind_name(element))
        inner = Reader(element)
        try:
            item = evidence_item(inner)
            inner.finish()
        except RuleBreak as error:
            if error.field and error.field.startswith("data."):
                error.field = "data.%s." % path + error.field[len("data."):]
            raise
        if item[1] is not None:
            if item[1] in seen:
                raise r.fail(path + ".sha256", DUPLICATE_EVIDENCE, "document %s is cited twice" % item[1])
            seen.add(item[1])
        items.append(item)
    return items


def evidence_item(r):
    title = r.required_line("title")
    sha256 = r.text("sha256")
    if sha256 is not None and not SHA256_TEXT.fullmatch(sha256):
        raise r.fail("sha256", BAD_SHA256, '"%s" is not a SHA-256' % sha256[:70])
    size = r.value("bytes")
    if size is not None:
        if not is_number(size) or isinstance(size, Dec):
            found = str(size) if isinstance(size, Dec) else kind_name(size)
            raise r.fail("bytes", WRONG_TYPE, "expected a whole number, found %s" % found)
        if not 0 <= size <= MAXIMUM_EVIDENCE_BYTES:
            raise r.fail("bytes", BAD_BYTES, "%s is not a size from 0 to %d bytes" % (str(size)[:40], MAXIMUM_EVIDENCE_BYTES))
    media_type = r.text("mediaType")
    if media_type is not None and not is_media_type(media_type):
        raise r.fail("mediaType", BAD_MEDIA_TYPE, '"%s" is not a media type' % media_type[:60])
    if sha256 is None and (size is not None or media_type is not None):
        raise r.fail("sha256", MISSING_FIELD, "missing; a document's size and media type come with its SHA-256")
    if sha256 is not None and size is None:
        raise r.fail("bytes", MISSING_FIELD, "missing; a kept document gives its size in bytes")
    return (title, sha256, size, media_type)


def decode_election_opened(r):
    return {"election": r.code("election"), "office": r.required_choice("office", OFFICES),
            "seats": r.required_integer("seats"), "candidates": r.codes("candidates"),
            "method": r.choice("method", METHODS) or "open", "award": r.optional_award_kind("award"),
            "term": r.integer("term")}


def decode_ballots_tallied(r):
    ballots = r.required_integer("ballots")
    invalid = r.integer("invalid") or 0
    if ballots < 0:
        raise r.fail("ballots", BAD_VALUE, "must be 0 or more")
    if invalid < 0 or invalid > ballots:
        raise r.fail("invalid", BAD_VALUE, "%d invalid ballots out of %d is impossible" % (invalid, ballots))
    return {"election": r.code("election"), "ballots": ballots, "invalid": invalid, "counts": r.counts_by_code("counts")}


def decode_pact_drafted(r):
    clauses = r.texts("clauses")
    if not clauses:
        raise r.fail("clauses", MISSING_FIELD, "a pact needs at least one clause")
    return {}


def decode_award_decided(r):
    date = r.required_text("date")
    if not is_date_bound(date):
        raise r.fail("date", BAD_DATE, '"%s" is not a date' % date[:40])
    return {"member": r.code("member"), "kind": r.required_award_kind("kind"),
            "outcome": r.required_choice("outcome", OUTCOMES), "decision": r.required_text("decision")}


DECODERS = {
    "bloc.founded": lambda r: {"name": r.required_line("name"), "organiser": r.line("organiser")},
    "rules.adopted": decode_rules_adopted,
    "year.opened": decode_year_opened,
    "member.admitted": lambda r: {"code": r.code("code"), "name": r.required_line("name")},
    "member.withdrawn": lambda r: {"code": r.code("code"), "reason": r.required_text("reason")},
    "criterion.set": decode_criterion_set,
    "criterion.retired": lambda r: {"code": r.code("code"), "reason": r.required_text("reason")},
    "score.submitted": lambda r: decode_score(r, "evidence"),
    "score.reviewed": lambda r: decode_score(r, "reason"),
    "scores.finalized": lambda r: {},
    "election.opened": decode_election_opened,
    "vote.cast": lambda r: {"election": r.code("election"), "voter": r.code("voter"), "choices": r.codes("choices")},
    "vote.voided": lambda r: {"election": r.code("election"), "voter": r.code("voter"), "reason": r.required_text("reason")},
    "ballots.tallied": decode_ballots_tallied,
    "election.closed": lambda r: {"election": r.code("election")},
    "officers.appointed": lambda r: {"head": r.code("head"), "deputies": r.codes("deputies", required=False),
                                     "basis": r.required_text("basis")},
    "pact.drafted": decode_pact_drafted,
    "pact.signed": lambda r: {"member": r.code("member"), "signatory": r.required_line("signatory"), "title": r.line("title")},
    "registration.submitted": lambda r: {"titles": r.award_kinds("titlesSought"), "member": r.code("member"),
                                         "targets": r.texts("targets")},
    "award.proposed": lambda r: {"member": r.code("member"), "kind": r.required_award_kind("kind"),
                                 "basis": r.text("basis"), "election": r.optional_code("election")},
    "award.withdrawn": lambda r: {"member": r.code("member"), "kind": r.required_award_kind("kind"),
                                  "reason": r.required_text("reason")},
    "award.decided": decode_award_decided,
    "year.closed": lambda r: {},
    "year.reopened": lambda r: {"reason": r.required_text("reason")},
    "key.registered": lambda r: {"holder": read_holder(r, "holder"), "publicKey": read_public_key(r, "publicKey"),
                                 "label": r.line("label")},
    "key.revoked": lambda r: {"holder": read_holder(r, "holder"), "publicKey": read_public_key(r, "publicKey"),
                              "reason": r.required_text("reason")},
}
# The member acts and who they are about (§5): the actor must be that member, or the secretariat.
MEMBER_ACTS = {"score.submitted": "member", "pact.signed": "member", "registration.submitted": "member",
               "vote.cast": "voter"}


def decode(type_name, data, schema=SCHEMA):
    """The payload of a stored event (data as UTF-8 bytes or str) of `schema`, decoded strictly and upcast to its
    type's latest layout: RuleBreak when it is not what thidua writes."""
    decoder = DECODERS.get(type_name)
    if decoder is None:
        raise RuleBreak(UNKNOWN_TYPE, 'unknown event type "%s"' % type_name[:40], "type")
    try:
        if isinstance(data, bytes):
            try:
                data = data.decode("utf-8")
            except UnicodeDecodeError:
                raise NotJSON("text is not valid UTF-8")
        fields = parse_json(data)
    except NotJSON as error:
        raise RuleBreak(MALFORMED_JSON, "the data is not valid JSON (%s)" % error, "data")
    if not isinstance(fields, dict):
        raise RuleBreak(WRONG_TYPE, "expected an object, found %s" % kind_name(fields), "data")
    check_data_text(fields, "data")
    reader = Reader(fields)
    payload = decode_score(reader, "evidence", schema) if type_name == "score.submitted" else decoder(reader)
    reader.finish()
    return payload


# ---------------------------------------------------------------------------------------------
# The states (BlocState, YearState) and their evolve

class Bloc:
    __slots__ = ("code", "founded", "adoptions", "keys")

    def __init__(self, code):
        self.code = code
        self.founded = False
        self.adoptions = []
        self.keys = {}  # public key bytes -> [holder, revoked]

    def rules(self, year):
        """The latest adoption with fromYear <= year, else the defaults."""
        for rules in reversed(self.adoptions):
            if rules.from_year <= year:
                return rules
        return DEFAULT_RULES


class Criterion:
    __slots__ = ("maximum", "kind", "retired")

    def __init__(self, maximum, kind):
        self.maximum = maximum
        self.kind = kind
        self.retired = False


class Election:
    __slots__ = ("id", "office", "seats", "candidates", "method", "award", "votes", "tally", "elected", "outcome", "term")

    def __init__(self, spec):
        self.id = spec["election"]
        self.office = spec["office"]
        self.seats = spec["seats"]
        self.candidates = spec["candidates"]
        self.method = spec["method"]
        self.award = spec["award"]
        self.term = spec.get("term")   # None: the stream's year
        self.votes = {}     # voter -> choices, live votes only
        self.tally = None   # (ballots, invalid, counts)
        self.elected = []
        self.outcome = None  # set when closed: elected, tie, short or no-quorum

    @property
    def closed(self):
        return self.outcome is not None


class Year:
    __slots__ = ("bloc", "year", "status", "finalized", "members", "head", "deputies", "criteria", "scores",
                 "elections", "clauses", "signatures", "awards", "next_head", "next_deputies", "next_head_election",
                 "next_deputy_election", "opened_at", "finalized_at", "pact_drafted_at", "criterion_set_at", "election_opened_at")

    def __init__(self, bloc, year):
        self.bloc = bloc
        self.year = year
        self.status = "unopened"
        self.finalized = False
        self.members = {}      # code -> active, in the order they first appeared
        self.head = None
        self.deputies = []
        self.criteria = {}     # code -> Criterion, in order
        self.scores = {}       # member -> criterion -> [submitted, reviewed] in hundredths
        self.elections = {}    # id -> Election, in order
        self.clauses = False
        self.signatures = set()
        self.awards = {}       # member -> [kind, status]
        # officers elected in this stream for the next year's term (YearTimes.swift: NextTermOfficers)
        self.next_head = None
        self.next_deputies = []
        self.next_head_election = None
        self.next_deputy_election = None
        # when what later events depend on occurred, as (microseconds, text) (YearTimes.swift)
        self.opened_at = None
        self.finalized_at = None
        self.pact_drafted_at = None
        self.criterion_set_at = {}
        self.election_opened_at = {}

    def is_active(self, code):
        return self.members.get(code) is True

    def active_count(self):
        return sum(1 for active in self.members.values() if active)

    def is_officer(self, code):
        return self.head == code or code in self.deputies


def evolve_bloc(bloc, type_name, payload):
    if type_name == "bloc.founded":
        bloc.founded = True
    elif type_name == "rules.adopted":
        bloc.adoptions.append(payload["rules"])
    elif type_name == "key.registered":
        bloc.keys.setdefault(payload["publicKey"], [payload["holder"], False])
    elif type_name == "key.revoked":
        if payload["publicKey"] in bloc.keys:
            bloc.keys[payload["publicKey"]][1] = True


def note_time(state, type_name, p, at):
    """YearTimes.note: the times later events depend on."""
    if type_name == "year.opened":
        state.opened_at = at
    elif type_name == "criterion.set":
        state.criterion_set_at[p["code"]] = at
    elif type_name == "scores.finalized":
        state.finalized_at = at
    elif type_name == "election.opened":
        state.election_opened_at[p["election"]] = at
    elif type_name == "pact.drafted":
        state.pact_drafted_at = at


def evolve_year(state, type_name, p, rules, at=None):
    """Folds one accepted event into the year (YearState+Evolve.swift)."""
    if at is not None:
        note_time(state, type_name, p, at)
    if type_name == "year.opened":
        state.status = "open"
        for code in p["members"]:
            state.members[code] = True
        state.head, state.deputies = p["head"], p["deputies"]
    elif type_name == "member.admitted":
        state.members[p["code"]] = True
    elif type_name == "member.withdrawn":
        if p["code"] in state.members:
            state.members[p["code"]] = False
    elif type_name == "criterion.set":
        state.criteria[p["code"]] = Criterion(p["maxPoints"], p["kind"])
    elif type_name == "criterion.retired":
        if p["code"] in state.criteria:
            state.criteria[p["code"]].retired = True
    elif type_name in ("score.submitted", "score.reviewed"):
        entry = state.scores.setdefault(p["member"], {}).setdefault(p["criterion"], [None, None])
        entry[0 if type_name == "score.submitted" else 1] = p["points"]
    elif type_name == "scores.finalized":
        state.finalized = True
        if state.status == "open":
            state.status = "finalized"
    elif type_name == "election.opened":
        state.elections[p["election"]] = Election(p)
    elif type_name in ("vote.cast", "vote.voided", "ballots.tallied", "election.closed"):
        election = state.elections.get(p["election"])
        if election is None:
            return
        if type_name == "vote.cast":
            election.votes[p["voter"]] = p["choices"]
        elif type_name == "vote.voided":
            election.votes.pop(p["voter"], None)
        elif type_name == "ballots.tallied":
            election.tally = (p["ballots"], p["invalid"], p["counts"])
        else:
            close_election(state, election, rules)
    elif type_name == "officers.appointed":
        state.head, state.deputies = p["head"], p["deputies"]
    elif type_name == "pact.drafted":
        state.clauses = True
    elif type_name == "pact.signed":
        state.signatures.add(p["member"])
    elif type_name == "award.proposed":
        state.awards[p["member"]] = [p["kind"], "proposed", p["election"]]
    elif type_name == "award.withdrawn":
        if p["member"] in state.awards:
            state.awards[p["member"]][1] = "withdrawn"
    elif type_name == "award.decided":
        if p["member"] in state.awards:
            state.awards[p["member"]][1] = "granted" if p["outcome"] == "granted" else "rejected"
    elif type_name == "year.closed":
        state.status = "closed"
    elif type_name == "year.reopened":
        state.status = "finalized" if state.finalized else "open"


# ---------------------------------------------------------------------------------------------
# ElectionResult.swift: the result derived at election.closed

def election_counts(election):
    """Valid ballots and votes per candidate (every candidate, 0 where none)."""
    counts = dict.fromkeys(election.candidates, 0)
    if election.method == "open":
        ballots = len(election.votes)
        for choices in election.votes.values():
            for choice in choices:
                counts[choice] = counts.get(choice, 0) + 1
    else:
        ballots = 0
        if election.tally is not None:
            ballots = max(0, election.tally[0] - election.tally[1])
            counts.update(election.tally[2])
    return ballots, counts


def election_result(election, eligible, rules):
    """(elected, outcome) if the election closed now with `eligible` active members."""
    ballots, votes = election_counts(election)
    if not reached(rules.quorum, ballots, eligible) or ballots <= 0:
        return [], "no-quorum"
    ranked = sorted(dict.fromkeys(election.candidates), key=lambda code: (-votes.get(code, 0), code))
    seats = max(0, min(election.seats, len(ranked)))
    excluded = set()
    if len(ranked) > seats > 0 and votes.get(ranked[seats - 1], 0) == votes.get(ranked[seats], 0):
        boundary = votes.get(ranked[seats - 1], 0)
        excluded = {code for code in ranked if votes.get(code, 0) == boundary}
    elected = [code for code in ranked[:seats]
               if exceeded(rules.majority, votes.get(code, 0), ballots) and code not in excluded]
    if len(elected) == election.seats:
        return elected, "elected"
    if excluded and exceeded(rules.majority, votes.get(next(iter(excluded)), 0), ballots):
        return elected, "tie"
    return elected, "short"


def close_election(state, election, rules):
    election.elected, election.outcome = election_result(election, state.active_count(), rules)
    if election.outcome == "elected" and election.term not in (None, state.year):
        # For the next year's term: this year's officers stay in office.
        if election.office == "head":
            state.next_head = election.elected[0] if election.elected else None
            state.next_deputies = [code for code in state.next_deputies if code != state.next_head]
            state.next_head_election = election.id
        elif election.office == "deputy":
            state.next_deputies = list(election.elected)
            state.next_deputy_election = election.id
    elif election.outcome == "elected":
        if election.office == "head":
            state.head = election.elected[0] if election.elected else None
            state.deputies = [code for code in state.deputies if code != state.head]
        elif election.office == "deputy":
            state.deputies = list(election.elected)


# ---------------------------------------------------------------------------------------------
# Standings.swift: the rank of a member on the standings (competition ranking, ties share a rank)

def totals(state):
    live = [(code, criterion.kind) for code, criterion in state.criteria.items() if not criterion.retired]
    out = {}
    for member, active in state.members.items():
        if not active:
            continue
        sums = {"base": 0, "bonus": 0, "penalty": 0}
        scores = state.scores.get(member, {})
        for code, kind in live:
            entry = scores.get(code)
            if entry is not None:
                points = entry[1] if entry[1] is not None else entry[0]
                if points is not None:
                    sums[kind] = saturating(sums[kind] + points)
        out[member] = saturating(saturating(sums["base"] + sums["bonus"]) - sums["penalty"])
    return out


def rank(state, member):
    table = totals(state)
    if member not in table:
        return None
    return 1 + sum(1 for total in table.values() if total > table[member])


# ---------------------------------------------------------------------------------------------
# Decider.swift: the bloc stream, the year gates, and who may record what

def check_envelope(type_name, actor, stream):
    """What a stored row's envelope could contradict: its stream and its actor."""
    is_bloc_event = type_name in BLOC_TYPES
    if is_bloc_event != (stream[1] is None):
        shown = stream_text(stream)
        raise RuleBreak(STREAM_MISMATCH, "%s is a bloc event, but it is in the year stream %s" % (type_name, shown)
                        if is_bloc_event else "%s belongs to a year, but it is in the bloc stream %s" % (type_name, shown),
                        "stream")
    if actor != SECRETARIAT and not is_code(actor):
        raise RuleBreak(BAD_CODE, '"%s" is neither a member code nor secretariat' % actor[:40], "actor")


def require_founded(bloc):
    if not bloc.founded:
        raise RuleBreak(NO_BLOC, "bloc %s has not been founded" % bloc.code, "bloc")


def decide_bloc(type_name, actor, bloc, payload=None):
    if actor != SECRETARIAT:
        raise RuleBreak(NOT_ALLOWED, "only the secretariat records bloc events, not %s" % actor, "actor")
    if type_name == "bloc.founded" and bloc.founded:
        raise RuleBreak(BLOC_EXISTS, "bloc %s was already founded" % bloc.code)
    if type_name == "rules.adopted":
        require_founded(bloc)
    if type_name in ("key.registered", "key.revoked"):
        decide_key(type_name, payload, bloc)


def earliest_opening(year):
    """Decider+Time.swift earliestOpening: 1 January of the year before, at +07:00."""
    if year <= 1 or year > 10000:
        return None
    text = "%04d-01-01T00:00:00+07:00" % (year - 1)
    return (to_microseconds(text), text)


def check_time(type_name, p, occurred, recorded, bloc, state):
    """Decider+Time.swift: not more than LEEWAY after it was recorded, nor before what it depends on."""
    if occurred is None:
        return
    if recorded is not None and occurred[0] > recorded[0] + LEEWAY:
        raise RuleBreak(OUT_OF_ORDER_TIME, "it occurred at %s, more than 5 minutes after it was recorded at %s"
                        % (occurred[1], recorded[1]), "occurredAt")
    if state is None:
        return
    if type_name == "year.opened":
        dependencies = [("the earliest a year %d can open (1 January %d)" % (state.year, state.year - 1),
                         earliest_opening(state.year))]
    else:
        dependencies = [("year %d was opened" % state.year, state.opened_at)]
        if type_name in ("score.submitted", "score.reviewed"):
            dependencies.append(("criterion %s was defined" % p["criterion"], state.criterion_set_at.get(p["criterion"])))
        elif type_name in ("vote.cast", "vote.voided", "ballots.tallied", "election.closed"):
            dependencies.append(("election %s was opened" % p["election"], state.election_opened_at.get(p["election"])))
        elif type_name == "pact.signed":
            dependencies.append(("the pact was drafted", state.pact_drafted_at))
        elif type_name == "award.proposed":
            dependencies.append(("the scores were finalized", state.finalized_at))
    for what, at in dependencies:
        if at is not None and occurred[0] < at[0]:
            raise RuleBreak(OUT_OF_ORDER_TIME, "it occurred at %s, before %s at %s" % (occurred[1], what, at[1]), "occurredAt")


def decide_year(type_name, actor, p, bloc, state):
    require_founded(bloc)
    if type_name != "year.opened" and state.status == "unopened":
        raise RuleBreak(YEAR_NOT_OPEN, "year %d of %s has not been opened" % (state.year, state.bloc), "year")
    if state.status == "closed" and type_name not in ("award.decided", "year.reopened"):
        raise RuleBreak(YEAR_CLOSED, "year %d is closed; only award.decided and year.reopened are accepted" % state.year)
    authorize(type_name, actor, p, state)
    YEAR_RULES[type_name](p, state, bloc.rules(state.year))


def authorize(type_name, actor, p, state):
    """Member acts by that member, officer acts by the head or a deputy, the secretariat anything (§5)."""
    if actor == SECRETARIAT:
        return
    if type_name in ("year.opened", "year.reopened"):
        raise RuleBreak(NOT_ALLOWED, "only the secretariat may record %s, not %s" % (type_name, actor), "actor")
    about = MEMBER_ACTS.get(type_name)
    if about is not None:
        if actor != p[about]:
            raise RuleBreak(NOT_ALLOWED, "%s may not act for %s; a member records its own %s" % (actor, p[about], type_name),
                            "actor")
    elif not (state.is_officer(actor) and state.is_active(actor)):
        raise RuleBreak(NOT_ALLOWED, "%s is not an officer of %d; %s is an officer act" % (actor, state.year, type_name),
                        "actor")
    elif type_name == "score.reviewed" and p["member"] == actor:
        raise RuleBreak(SELF_REVIEW, "%s may not review its own score; another officer or the secretariat reviews it" % actor,
                        "actor")


# ---------------------------------------------------------------------------------------------
# YearRules.swift: one function per rule group, each given the payload, the year and the bloc's rules

def require_active(code, field, state):
    active = state.members.get(code)
    if active is None:
        raise data_break(NOT_A_MEMBER, "%s is not a member of %s in %d" % (code, state.bloc, state.year), field)
    if not active:
        raise data_break(MEMBER_WITHDRAWN, "%s has withdrawn from %s in %d" % (code, state.bloc, state.year), field)


def require_scores_open(state):
    if state.finalized:
        raise data_break(SCORES_FINAL, "scores of %d are finalized; no score or criterion change is accepted" % state.year)


def check_officers(head, deputies):
    if head is not None and head in deputies:
        raise data_break(OFFICER_TWICE, "%s cannot be both head and deputy" % head, "deputies")
    if len(set(deputies)) != len(deputies):
        raise data_break(OFFICER_TWICE, "a deputy is listed twice", "deputies")


def rules_year_opened(p, state, rules):
    if state.status != "unopened":
        raise data_break(YEAR_OPEN, "year %d of %s is already open" % (state.year, state.bloc))
    members = p["members"]
    if len(members) < 2:
        raise data_break(TOO_FEW_MEMBERS, "a year needs at least 2 members, got %d" % len(members), "members")
    seen = set()
    for code in members:
        if code in seen:
            raise data_break(DUPLICATE_MEMBER, "member %s is listed twice" % code, "members")
        seen.add(code)
    head = p["head"]
    for officer in ([head] if head is not None else []) + p["deputies"]:
        if officer not in seen:
            raise data_break(NOT_A_MEMBER, "interim officer %s is not among the members" % officer,
                             "head" if officer == head else "deputies")
    check_officers(head, p["deputies"])


def rules_membership(p, state, rules, admitted):
    if admitted:
        if state.is_active(p["code"]):
            raise data_break(MEMBER_EXISTS, "%s is already a member" % p["code"], "code")
    else:
        require_active(p["code"], "code", state)


def rules_criterion_set(p, state, rules):
    require_scores_open(state)
    maximum = p["maxPoints"]
    if maximum <= 0:
        raise data_break(BAD_MAXIMUM, "maxPoints must be more than 0, got %s" % points_text(maximum), "maxPoints")
    if p["code"] in state.criteria:
        for member in sorted(state.scores):
            entry = state.scores[member].get(p["code"])
            given = [points for points in (entry or ()) if points is not None]
            if given and max(given) > maximum:
                raise data_break(MAXIMUM_BELOW_SCORE, "maximum %s is below the score %s of %s on criterion %s"
                                 % (points_text(maximum), points_text(max(given)), member, p["code"]), "maxPoints")


def rules_criterion_retired(p, state, rules):
    require_scores_open(state)
    criterion = state.criteria.get(p["code"])
    if criterion is None:
        raise unknown_criterion(p["code"], "code")
    if criterion.retired:
        raise data_break(CRITERION_RETIRED, "criterion %s is already retired" % p["code"], "code")


def unknown_criterion(code, field):
    return data_break(UNKNOWN_CRITERION, "criterion %s is not defined" % code, field)


def rules_score(p, state, rules):
    require_scores_open(state)
    require_active(p["member"], "member", state)
    code, points = p["criterion"], p["points"]
    criterion = state.criteria.get(code)
    if criterion is None:
        raise unknown_criterion(code, "criterion")
    if criterion.retired:
        raise data_break(CRITERION_RETIRED, "criterion %s is retired" % code, "criterion")
    if points < 0:
        raise data_break(NEGATIVE_POINTS, "points %s are below 0" % points_text(points), "points")
    if points > criterion.maximum:
        raise data_break(POINTS_OVER_MAXIMUM, "points %s exceed the maximum %s of criterion %s"
                         % (points_text(points), points_text(criterion.maximum), code), "points")


def rules_scores_finalized(p, state, rules):
    require_scores_open(state)


def open_election(election_id, state):
    election = state.elections.get(election_id)
    if election is None:
        raise data_break(UNKNOWN_ELECTION, "election %s was not opened in %d" % (election_id, state.year), "election")
    if election.closed:
        raise data_break(ELECTION_CLOSED, "election %s is closed" % election_id, "election")
    return election


def rules_election_opened(p, state, rules):
    if p["election"] in state.elections:
        raise data_break(ELECTION_EXISTS, "election %s already exists in %d" % (p["election"], state.year), "election")
    seats, candidates = p["seats"], p["candidates"]
    if seats < 1:
        raise data_break(BAD_SEATS, "seats must be at least 1", "seats")
    if p["office"] == "head" and seats != 1:
        raise data_break(BAD_SEATS, "a head election has exactly 1 seat", "seats")
    if not candidates:
        raise data_break(NO_CANDIDATES, "an election needs candidates", "candidates")
    seen = set()
    for code in candidates:
        require_active(code, "candidates", state)
        if code in seen:
            raise data_break(DUPLICATE_CANDIDATE, "%s is listed twice" % code, "candidates")
        seen.add(code)
    if seats > len(candidates):
        raise data_break(BAD_SEATS, "%d seats for %d candidate(s); seats cannot exceed candidates" % (seats, len(candidates)),
                         "seats")
    if p["office"] == "award" and p["award"] is None:
        raise data_break(MISSING_FIELD, "an award election names the award kind", "award")
    if p["office"] != "award" and p["award"] is not None:
        raise data_break(UNEXPECTED_FIELD, "only award elections name an award", "award")
    if p["award"] is not None:
        award_in_force(p["award"], "award", state, rules)
    term = p["term"]
    if term is not None and term != state.year:
        if p["office"] == "award":
            raise data_break(BAD_TERM, "an award election is for its own year %d, not for term %d" % (state.year, term), "term")
        if term != state.year + 1:
            raise data_break(BAD_TERM, "term %d is neither %d nor %d" % (term, state.year, state.year + 1), "term")


def rules_vote_cast(p, state, rules):
    election = open_election(p["election"], state)
    if election.method != "open":
        raise data_break(SECRET_BALLOT, "election %s is a secret ballot; votes are not recorded one by one"
                         % election.id, "election")
    voter = p["voter"]
    require_active(voter, "voter", state)
    if voter in election.votes:
        raise data_break(ALREADY_VOTED, "%s has already voted in election %s" % (voter, election.id), "voter")
    seen = set()
    for choice in p["choices"]:
        if choice not in election.candidates:
            raise data_break(NOT_A_CANDIDATE, "%s is not a candidate in election %s" % (choice, election.id), "choices")
        if choice in seen:
            raise data_break(DUPLICATE_CHOICE, "%s is chosen twice" % choice, "choices")
        seen.add(choice)
    if len(p["choices"]) > election.seats:
        raise data_break(TOO_MANY_CHOICES, "%d choices for %d seat(s)" % (len(p["choices"]), election.seats), "choices")


def rules_vote_voided(p, state, rules):
    election = open_election(p["election"], state)
    if p["voter"] not in election.votes:
        raise data_break(NO_VOTE, "%s has no vote to void in election %s" % (p["voter"], election.id), "voter")


def rules_ballots_tallied(p, state, rules):
    election = open_election(p["election"], state)
    if election.method != "secret":
        raise data_break(OPEN_BALLOT, "election %s is an open ballot; its votes are counted from vote.cast"
                         % election.id, "election")
    ballots, eligible = p["ballots"], state.active_count()
    if ballots > eligible:
        raise data_break(TOO_MANY_BALLOTS, "%d ballots but only %d active members" % (ballots, eligible), "ballots")
    valid = max(0, ballots - p["invalid"])
    total = 0
    for code in sorted(p["counts"]):
        count = p["counts"][code]
        if code not in election.candidates:
            raise data_break(NOT_A_CANDIDATE, "%s is not a candidate in election %s" % (code, election.id), "counts." + code)
        if count > valid:
            raise data_break(COUNT_OVER_BALLOTS, "%s has %d votes but there are %d valid ballots" % (code, count, valid),
                             "counts." + code)
        total += count
    if total > valid * max(0, election.seats):
        raise data_break(COUNT_OVER_BALLOTS, "%d votes counted exceed %d valid ballots × %d seat(s)"
                         % (total, valid, election.seats), "counts")


def rules_election_closed(p, state, rules):
    open_election(p["election"], state)


def rules_officers_appointed(p, state, rules):
    head = p["head"]
    for code in [head] + p["deputies"]:
        require_active(code, "head" if code == head else "deputies", state)
    check_officers(head, p["deputies"])


def rules_pact(p, state, rules, signed):
    if not signed:
        if state.signatures:
            raise data_break(PACT_SIGNED, "the pact already has %d signature(s); it cannot be redrafted" % len(state.signatures))
        return
    if not state.clauses:
        raise data_break(NO_PACT, "no pact has been drafted for %d" % state.year)
    require_active(p["member"], "member", state)
    if p["member"] in state.signatures:
        raise data_break(ALREADY_SIGNED, "%s has already signed the pact" % p["member"], "member")


def rules_registration(p, state, rules):
    require_active(p["member"], "member", state)
    for index, kind in enumerate(p["titles"]):
        award_in_force(kind, "titlesSought[%d]" % index, state, rules)


def award_in_force(kind, field, state, rules):
    """The kind's definition in force that year, or unknown-award-kind naming the kinds that are."""
    for award in rules.award_kinds():
        if award[0] == kind:
            return award
    raise data_break(UNKNOWN_AWARD_KIND, "%s is not an award kind in force in %d; the kinds in force are %s"
                     % (kind, state.year, ", ".join(award[0] for award in rules.award_kinds())), field)


def rules_award_proposed(p, state, rules):
    """AwardRules.swift: a kind in force; one achievement, one reward; a kind for the first-ranked only goes to a
    member ranked first; each kind within its limit of live proposals."""
    member, kind = p["member"], p["kind"]
    _, name, only_first, limit = award_in_force(kind, "kind", state, rules)
    if not state.finalized:
        raise data_break(NOT_FINALIZED, "scores of %d are not finalized; awards are proposed on final standings" % state.year)
    require_active(member, "member", state)
    existing = state.awards.get(member)
    if existing is not None and existing[1] != "withdrawn":
        raise data_break(ONE_AWARD, "%s already has a %s (%s) for %d; one award per member per year"
                         % (member, existing[0], existing[1], state.year), "member")
    if only_first:
        place = rank(state, member)
        if place != 1:
            raise data_break(NOT_FIRST, "%s (%s) goes only to a member ranked first; %s is ranked %s"
                             % (name, kind, member, "nowhere" if place is None else place), "member")
    live = sum(1 for award in state.awards.values() if award[0] == kind and award[1] not in ("withdrawn", "rejected"))
    if limit is not None and live >= limit:
        # The national kinds keep the codes they had before kinds were data.
        code = AWARD_LIMIT if rules.awards is not None else FLAG_LIMIT if kind == "government-flag" else CERTIFICATE_LIMIT
        raise data_break(code, "the bloc may propose at most %d %s (%s) in %d" % (limit, name, kind, state.year), "kind")
    election_id = p["election"]
    if election_id is not None:
        election = state.elections.get(election_id)
        if election is None:
            raise data_break(UNKNOWN_ELECTION, "election %s was not opened in %d" % (election_id, state.year), "election")
        if not election.closed:
            raise data_break(ELECTION_OPEN, "election %s is not closed yet" % election_id, "election")
        if election.office != "award" or election.award not in (None, kind):
            raise data_break(WRONG_ELECTION, "election %s did not vote on a %s" % (election_id, kind), "election")
        if member not in election.elected:
            raise data_break(NOT_ELECTED, "election %s did not elect %s" % (election_id, member), "election")


def rules_award_settled(p, state, rules):
    award = state.awards.get(p["member"])
    if award is None or award[0] != p["kind"] or award[1] != "proposed":
        raise data_break(NO_PROPOSAL, "%s has no pending %s proposal" % (p["member"], p["kind"]), "member")


def rules_year_closed(p, state, rules):
    if not state.finalized:
        raise data_break(NOT_FINALIZED, "scores of %d are not finalized" % state.year)
    for election in state.elections.values():
        if not election.closed:
            raise data_break(ELECTION_OPEN, "election %s is still open" % election.id)


def rules_year_reopened(p, state, rules):
    if state.status != "closed":
        raise data_break(YEAR_NOT_CLOSED, "year %d is not closed" % state.year)


YEAR_RULES = {
    "year.opened": rules_year_opened,
    "member.admitted": lambda p, s, r: rules_membership(p, s, r, admitted=True),
    "member.withdrawn": lambda p, s, r: rules_membership(p, s, r, admitted=False),
    "criterion.set": rules_criterion_set,
    "criterion.retired": rules_criterion_retired,
    "score.submitted": rules_score,
    "score.reviewed": rules_score,
    "scores.finalized": rules_scores_finalized,
    "election.opened": rules_election_opened,
    "vote.cast": rules_vote_cast,
    "vote.voided": rules_vote_voided,
    "ballots.tallied": rules_ballots_tallied,
    "election.closed": rules_election_closed,
    "officers.appointed": rules_officers_appointed,
    "pact.drafted": lambda p, s, r: rules_pact(p, s, r, signed=False),
    "pact.signed": lambda p, s, r: rules_pact(p, s, r, signed=True),
    "registration.submitted": rules_registration,
    "award.proposed": rules_award_proposed,
    "award.withdrawn": rules_award_settled,
    "award.decided": rules_award_settled,
    "year.closed": rules_year_closed,
    "year.reopened": rules_year_reopened,
}


# ---------------------------------------------------------------------------------------------
# The fold: every stored event re-decided in position order

def _stamp(text):
    """(microseconds, text) of a stored time, or None when absent or not a timestamp."""
    if text is None:
        return None
    micros = to_microseconds(text)
    return None if micros is None else (micros, text)


def parse_stream(text):
    """(bloc, year) of `BLOC` or `BLOC/YEAR` (StreamID), or None."""
    parts = text.split("/")
    if not is_code(parts[0]) or len(parts) > 2:
        return None
    if len(parts) == 1:
        return (parts[0], None)
    year = swift_int(parts[1])
    return (parts[0], year) if year in YEARS else None


def stream_text(stream):
    return stream[0] if stream[1] is None else "%s/%d" % stream


class Redecider:
    """Re-decides stored events from the initial state; keeps the first that breaks a rule.

    Only the states of blocs and years are held; once a break is found nothing more is folded."""

    def __init__(self):
        self.blocs = {}
        self.years = {}
        self.streams = {}
        self.first_break = None   # (position, type, RuleBreak)

    def bloc(self, code):
        bloc = self.blocs.get(code)
        if bloc is None:
            bloc = self.blocs[code] = Bloc(code)
        return bloc

    def add(self, position, stream_text_, type_name, schema, actor, data, correlation=None, occurred_at=None,
            recorded_at=None, signed=None):
        """One row of `event`: its text columns as str, but `data` as the stored UTF-8 bytes (or str);
        `correlation` is None or its text; `occurred_at` and `recorded_at` its stored times as text (None: unknown, the
        time rule is then not applied, as for a stored time that is not a timestamp); `signed` is None, or (the stored
        signature's bytes, id, occurredAt)."""
        if self.first_break is not None:
            return
        self._occurred = _stamp(occurred_at)
        self._recorded = _stamp(recorded_at)
        try:
            self.decide_and_fold(stream_text_, type_name, schema, actor, data, correlation, signed)
        except RuleBreak as rule:
            self.first_break = (position, type_name, rule)

    def decide_and_fold(self, stream_text_, type_name, schema, actor, data, correlation, signed=None):
        stream = self.streams.get(stream_text_)
        if stream is None:
            stream = parse_stream(stream_text_)
            if stream is None:
                raise RuleBreak(BAD_STREAM, '"%s" is neither BLOC nor BLOC/YEAR' % stream_text_[:40], "stream")
            self.streams[stream_text_] = stream
        if not isinstance(schema, int) or not 1 <= schema <= LATEST_SCHEMAS.get(type_name, SCHEMA):
            raise RuleBreak(UNKNOWN_SCHEMA, "schema %s of %s is not known to this version of thidua" % (schema, type_name[:40]),
                            "schema")
        payload = decode(type_name, data, schema)
        self.last_payload = payload
        if correlation is not None:
            check_stored_text(correlation, "correlation")
        signer = None if signed is None else stored_signer(signed, stream, type_name, schema, actor, data, correlation)
        check_envelope(type_name, actor, stream)
        bloc = self.bloc(stream[0])
        check_signer(signer, actor, stream, bloc)
        if stream[1] is None:
            decide_bloc(type_name, actor, bloc, payload)
            check_time(type_name, payload, self._occurred, self._recorded, bloc, None)
            evolve_bloc(bloc, type_name, payload)
            return
        state = self.years.get(stream)
        if state is None:
            state = Year(stream[0], stream[1])
        decide_year(type_name, actor, payload, bloc, state)
        check_time(type_name, payload, self._occurred, self._recorded, bloc, state)
        self.years[stream] = state
        evolve_year(state, type_name, payload, bloc.rules(state.year), self._occurred)

    def report(self):
        """`position N: <type> breaks rule <code>: <reason>`, or None."""
        if self.first_break is None:
            return None
        position, type_name, rule = self.first_break
        return "position %s: %s breaks rule %s: %s" % (position, type_name[:40], rule.code, rule)


# ---------------------------------------------------------------------------------------------
# Signatures (EventSignature.swift, EventLog/SIGNING.md)

BAD_SIGNATURE = "bad-signature"


def signature_break(problem, reason, field="signature"):
    """A `bad-signature` refusal; its reason ends with the problem's name, as thidua's do."""
    return RuleBreak(BAD_SIGNATURE, "%s (%s)" % (reason, problem), field)


def stored_signer(signed, stream, type_name, schema, actor, data, correlation):
    """The public key of a stored row's signature, once the signature verifies over the row's signing bytes."""
    stored, event_id, occurred_at = signed
    if len(stored) != 96:
        raise signature_break("malformed", "the stored signature has %d bytes; the store writes 96" % len(stored))
    public, value = bytes(stored[:32]), bytes(stored[32:])
    if ed25519._decode(public) is not None and ed25519.is_weak(public):
        raise signature_break("weak-key", "the public key is of small order or not spelled canonically, so it proves no one",
                              "signature.publicKey")
    text = data.decode("utf-8") if isinstance(data, bytes) else data
    message = ed25519.signing_bytes(stream[0], stream[1], type_name, schema, actor, occurred_at, event_id, correlation, text)
    if not ed25519.verify(public, message, value):
        raise signature_break("bytes-altered", "the signature does not verify over the row's signing bytes with key %s"
                              % ed25519.fingerprint(public))
    return public


SIGNATURE_POLICIES = ("optional", "required")
KEY_REGISTERED = "key-registered"
KEY_NOT_REGISTERED = "key-not-registered"
KEY_REVOKED = "key-revoked"
UNSIGNED = "unsigned"


def read_holder(r, name):
    """A key's holder: a member code, or secretariat (DataReader+Keys.swift)."""
    text = r.required_text(name)
    return text if text == SECRETARIAT else check_code(text, "data." + name)


def read_public_key(r, name):
    """A public key in data: strict base64 of 32 bytes, not weak."""
    text = r.required_text(name)
    field = "data." + name
    raw = strict_base64(text)
    if raw is None:
        raise signature_break("not-base64", '"%s" is not base64' % text[:40], field)
    if len(raw) != 32:
        raise signature_break("key-length", "the public key has %d bytes; an Ed25519 public key has 32" % len(raw), field)
    if ed25519._decode(raw) is not None and ed25519.is_weak(raw):
        raise signature_break("weak-key", "the public key is of small order or not spelled canonically, so it proves no one", field)
    return raw


def strict_base64(text):
    """Bytes of standard, padded base64 that encodes back to the same text; None otherwise."""
    import base64
    import binascii
    try:
        raw = base64.b64decode(text.encode("ascii"), validate=True)
    except (ValueError, binascii.Error, UnicodeEncodeError):
        return None
    return raw if base64.b64encode(raw).decode("ascii") == text else None


def decide_key(type_name, p, bloc):
    """key.registered: once per bloc. key.revoked: a registered, unrevoked key of that holder (RegisteredKey.swift)."""
    require_founded(bloc)
    fingerprint = ed25519.fingerprint(p["publicKey"])
    known = bloc.keys.get(p["publicKey"])
    if type_name == "key.registered":
        if known is not None:
            raise RuleBreak(KEY_REGISTERED, "key %s is already registered in %s to %s" % (fingerprint, bloc.code, known[0]),
                            "data.publicKey")
        return
    if known is None or known[0] != p["holder"]:
        whose = "" if known is None else " to %s; it is %s's" % (p["holder"], known[0])
        raise RuleBreak(KEY_NOT_REGISTERED, "key %s is not registered in %s%s" % (fingerprint, bloc.code, whose), "data.publicKey")
    if known[1]:
        raise RuleBreak(KEY_REVOKED, "key %s of %s is already revoked" % (fingerprint, p["holder"]), "data.publicKey")


def check_signer(signer, actor, stream, bloc):
    """A signature's key must be registered in the bloc before the event, unrevoked, and the actor's; where the rules in
    force require signatures, a year event must be signed (Decider.checkSignature)."""
    if signer is None:
        if stream[1] is not None:
            rules = bloc.rules(stream[1])
            if rules.signatures == "required":
                raise RuleBreak(UNSIGNED, "the rules in force from %d require every event of %d to be signed by its actor"
                                % (rules.from_year, stream[1]), "signature")
        return
    fingerprint = ed25519.fingerprint(signer)
    known = bloc.keys.get(signer)
    if known is None:
        raise signature_break("not-registered", "key %s is not registered in %s" % (fingerprint, stream[0]), "signature.publicKey")
    if known[1]:
        raise signature_break("revoked", "key %s of %s was revoked" % (fingerprint, known[0]), "signature.publicKey")
    if known[0] != actor:
        raise signature_break("wrong-holder", "key %s is %s's, but the actor is %s" % (fingerprint, known[0], actor),
                              "signature.publicKey")

#!/usr/bin/env python3
"""Synthetic thidua histories for benchmarks and scale tests: every line valid, the same seed gives the same file.

Usage: python3 Tools/generate_history.py [--blocs N] [--years N] [--members N] [--criteria N]
           [--resubmissions N] [--reviews F] [--elections N] [--seed S] [--ids] [--first-year Y]
           [--first-bloc N] > history.jsonl

Each bloc is founded; each year is opened with its members, gets a table of criteria, then every
member scores every criterion `resubmissions` times (the latest counts), officers review a share of
the scores, the year holds `elections` open-ballot elections, the pact is drafted and signed, scores
are finalized, certificates proposed, and the year closed (all but the last year).
Events per year ≈ members × criteria × resubmissions × (1 + reviews) + elections × (members + 2) + …
"""
import argparse
import datetime
import json
import random
import sys
import uuid


def main():
    p = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    p.add_argument("--blocs", type=int, default=1)
    p.add_argument("--years", type=int, default=1)
    p.add_argument("--members", type=int, default=8)
    p.add_argument("--criteria", type=int, default=20)
    p.add_argument("--resubmissions", type=int, default=1)
    p.add_argument("--reviews", type=float, default=0.1, help="share of scores an officer reviews")
    p.add_argument("--elections", type=int, default=1)
    p.add_argument("--seed", type=int, default=2017)
    p.add_argument("--ids", action="store_true", help="give every line a deterministic id")
    p.add_argument("--first-year", type=int, default=2017,
                   help="default 2017, moved earlier if the last year would not be over by today: the log refuses events to come")
    p.add_argument("--first-bloc", type=int, default=1, help="number of the first bloc code (K001, K002, …)")
    a = p.parse_args()
    if "--first-year" not in sys.argv:
        a.first_year = min(a.first_year, datetime.date.today().year - a.years)
    rnd = random.Random(a.seed)
    namespace = uuid.UUID(int=a.seed)
    out = sys.stdout
    count = 0

    def emit(kind, bloc, actor, at, data, year=None):
        nonlocal count
        line = {"type": kind, "bloc": bloc, "actor": actor, "occurredAt": at, "data": data}
        if year is not None:
            line["year"] = year
        if a.ids:
            line["id"] = str(uuid.uuid5(namespace, str(count)))
        count += 1
        out.write(json.dumps(line, ensure_ascii=False, separators=(",", ":")))
        out.write("\n")

    for b in range(a.blocs):
        bloc = "K%03d" % (b + a.first_bloc)
        emit("bloc.founded", bloc, "secretariat", "%d-01-02T08:00:00+07:00" % a.first_year,
             {"name": "Khối thi đua số %d" % (b + 1)})
        members = ["M%03d" % (i + 1) for i in range(a.members)]
        for y in range(a.years):
            year = a.first_year + y
            day = "%d-%02d-%02dT%02d:%02d:00+07:00"
            head, deputy = members[y % len(members)], members[(y + 1) % len(members)]
            emit("year.opened", bloc, "secretariat", day % (year, 1, 10, 8, 0),
                 {"members": [{"code": m, "name": "Cơ quan thành viên %s" % m} for m in members],
                  "head": head, "deputies": [deputy]}, year)
            criteria = []
            for c in range(a.criteria):
                kind = "penalty" if c % 10 == 9 else "bonus" if c % 10 == 8 else "base"
                code = "%d.%d" % (c // 10 + 1, c % 10 + 1)
                maximum = 5 if kind != "base" else rnd.choice([5, 10, 15, 20])
                criteria.append((code, maximum))
                emit("criterion.set", bloc, head, day % (year, 2, 1, 9, c % 60),
                     {"code": code, "title": "Tiêu chí %s: hoàn thành nhiệm vụ được giao" % code,
                      "maxPoints": maximum, "kind": kind, "group": "G%d" % (c // 10 + 1)}, year)
            for r in range(a.resubmissions):
                month = 3 + (9 * r) // max(1, a.resubmissions)
                for m in members:
                    for code, maximum in criteria:
                        points = round(rnd.uniform(0, maximum) * 4) / 4
                        emit("score.submitted", bloc, m, day % (year, month, 15, 8 + r % 10, rnd.randrange(60)),
                             {"member": m, "criterion": code, "points": int(points) if points == int(points) else points}, year)
                        if rnd.random() < a.reviews:
                            reviewed = round(rnd.uniform(0, maximum) * 4) / 4
                            # No officer reviews its own member's score (self-review): the head reviews the deputy's.
                            emit("score.reviewed", bloc, head if m == deputy else deputy, day % (year, month, 20, 14, rnd.randrange(60)),
                                 {"member": m, "criterion": code,
                                  "points": int(reviewed) if reviewed == int(reviewed) else reviewed,
                                  "reason": "Thẩm định theo minh chứng"}, year)
            for e in range(a.elections):
                election = "E%d-%d" % (year, e + 1)
                candidates = rnd.sample(members, min(3, len(members)))
                emit("election.opened", bloc, head, day % (year, 12, 20, 9, e % 60),
                     {"election": election, "office": "deputy", "seats": 1, "candidates": candidates}, year)
                for m in members:
                    emit("vote.cast", bloc, m, day % (year, 12, 20, 10, e % 60),
                         {"election": election, "voter": m, "choices": [rnd.choice(candidates)]}, year)
                emit("election.closed", bloc, head, day % (year, 12, 20, 11, e % 60), {"election": election}, year)
                # A filled deputy seat replaces the officers: read them back from the votes is the decider's job,
                # so later officer acts stay with the secretariat to remain valid whatever the result.
                head = deputy = "secretariat"
            emit("pact.drafted", bloc, head if head != "secretariat" else "secretariat", day % (year, 12, 21, 9, 0),
                 {"clauses": ["Hoàn thành xuất sắc nhiệm vụ chính trị", "Đổi mới, đẩy mạnh phong trào thi đua"]}, year)
            for i, m in enumerate(members):
                emit("pact.signed", bloc, m, day % (year, 12, 21, 10, i % 60), {"member": m, "signatory": "Lãnh đạo %s" % m}, year)
            if y < a.years - 1:
                emit("scores.finalized", bloc, "secretariat", day % (year, 12, 28, 16, 0), {}, year)
                for m in members[:2]:
                    emit("award.proposed", bloc, "secretariat", day % (year + 1, 1, 15, 9, 0),
                         {"member": m, "kind": "pm-certificate", "basis": "Hoàn thành xuất sắc nhiệm vụ"}, year)
                emit("year.closed", bloc, "secretariat", day % (year + 1, 1, 15, 11, 0), {}, year)
    print("generated %d events" % count, file=sys.stderr)


if __name__ == "__main__":
    main()

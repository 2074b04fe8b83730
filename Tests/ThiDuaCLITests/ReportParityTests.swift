import Foundation
import Testing
import ThiDuaCore
import ThiDuaJSON

/// §11: the report's facts are replay's. Every number the report tags is found again in `replay --format json` at the
/// same moment; the digest and stateHash it prints are the ones `verify --digest` and `replay` confirm.
@Suite("End to end: the year report says what replay says")
struct ReportParityTests {
    static let moments: [[String]] = [[], ["--as-of", "2017-12-31"], ["--at", "120"], ["--as-of", "30/3/2018", "--at", "170"]]

    @Test(arguments: moments)
    func everyNumberIsReplays(_ moment: [String]) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let report = try cli.run(["report", "--year", "2017"] + moment)
        #expect(report.status == 0, "\(report)")
        let replay = try cli.run(["replay", "--year", "2017", "--format", "json"] + moment)
        #expect(replay.status == 0, "\(replay)")
        let expected = try Expected(replay.stdout)
        let numbers = try ReportHTML.numbers(report.stdout)
        var checked: Set<String> = []
        for number in numbers {
            let value = try #require(expected.value(number), "the report shows \(number.key) \(number.member ?? "") \(number.item ?? "") = \(number.text), which replay does not have")
            #expect(ReportHTML.decimal(number.text) == value, "\(number.key) \(number.member ?? "") \(number.item ?? ""): report \(number.text), replay \(value)")
            checked.insert([number.key, number.member ?? "", number.item ?? ""].joined(separator: "|"))
        }
        // Every fact of replay that the report is meant to show is there.
        for row in expected.standings {
            let member = try #require(row["member"]?.stringValue)
            for key in ["standings.rank", "standings.base", "standings.bonus", "standings.penalty", "standings.total", "chart.total", "sheet.total"] {
                let found = checked.contains("\(key)|\(member)|")
                #expect(found, "no \(key) for \(member)")
            }
        }
        for score in expected.scores where score["effective"]?.numberValue != nil {
            let key = "sheet.score|\(score["member"]?.stringValue ?? "")|\(score["criterion"]?.stringValue ?? "")"
            let found = checked.contains(key)
            #expect(found, "no \(key)")
        }
        let position = checked.contains("position||")
        #expect(position)
        #expect(try ReportHTML.text(id: "stateHash", in: report.stdout) == expected.document["stateHash"]?.stringValue)
        if moment.isEmpty { #expect(numbers.count > 8 * 19) }
    }

    @Test(arguments: [[], ["--at", "150"]])
    func digestAndStateHashAreChecked(_ moment: [String]) throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let report = try cli.run(["report", "--year", "2017"] + moment)
        #expect(report.status == 0, "\(report)")
        let digest = try #require(try ReportHTML.text(id: "digest", in: report.stdout))
        let head = try cli.run("digest")
        if moment.isEmpty {
            #expect(digest == head.stdout.trimmingCharacters(in: .whitespacesAndNewlines))
        } else {
            #expect(digest.hasPrefix("150:"))
        }
        let verified = try cli.run("verify", "--digest", digest)
        #expect(verified.status == 0, "\(verified)")
        #expect(try cli.pythonVerify(["--digest", digest]).status == 0)
        let wrong = digest.dropLast() + (digest.hasSuffix("0") ? "1" : "0")
        #expect(try cli.run("verify", "--digest", String(wrong)).status == 2)
        let stateHash = try #require(try ReportHTML.text(id: "stateHash", in: report.stdout))
        let replay = try Expected(try cli.run(["replay", "--year", "2017", "--format", "json"] + moment).stdout)
        #expect(stateHash == replay.document["stateHash"]?.stringValue)
        // The commands printed in the report are the ones that check it.
        #expect(report.stdout.contains("verify --digest \(digest)"))
        #expect(report.stdout.contains("replay --year 2017" + (moment.isEmpty ? "" : " --at 150") + " --format json"))
    }

    @Test func outFileIsNeverOverwrittenUnlessReplaced() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", Example.seedPath).status == 0)
        let out = cli.path("bao-cao.html")
        let first = try cli.run("report", "--year", "2017", "--out", out)
        #expect(first.status == 0, "\(first)")
        #expect(first.stdout.contains("bao-cao.html"))
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(written.hasPrefix("<!DOCTYPE html>"))
        #expect(written.contains("Báo cáo kết quả thi đua năm 2017"))
        let again = try cli.run("report", "--year", "2017", "--out", out, "--at", "10")
        #expect(again.status == 1)
        #expect(again.stderr.contains("already exists"))
        #expect(try String(contentsOfFile: out, encoding: .utf8) == written)
        let replaced = try cli.run("report", "--year", "2017", "--out", out, "--at", "10", "--replace")
        #expect(replaced.status == 0, "\(replaced)")
        #expect(try String(contentsOfFile: out, encoding: .utf8) != written)
        #expect(try cli.run("report", "--year", "2017", "--replace").status == 64)
        #expect(try cli.run("report", "--year", "2017", "--out", "").status == 64)
        #expect(try cli.run("report", "--year", "2017", "--at", "-1").status == 64)
    }

    @Test func signaturesOfThePactShowTheirKeys() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let signed = Thidua.packageRoot.appendingPathComponent("EventLog/examples/signed/bdtw-2017-2018-signed.jsonl").path
        #expect(try cli.run("append", signed).status == 0)
        let report = try cli.run("report", "--year", "2018")
        #expect(report.status == 0, "\(report)")
        let keys = try #require(try JSONSerialization.jsonObject(with: Data(try cli.run("keys", "--format", "json").stdout.utf8)) as? [[String: Any]])
        let pact = try #require((try cli.json(cli.run("pact", "--year", "2018", "--format", "json"))["pact"] as? [String: Any])?["signatures"] as? [[String: Any]])
        #expect(pact.count == 8)
        for signature in pact {
            let member = try #require(signature["member"] as? String)
            let fingerprint = try #require(keys.first { $0["holder"] as? String == member }?["fingerprint"] as? String)
            #expect(report.stdout.contains("<td class=\"hash\">\(fingerprint)</td>"), "no key fingerprint for \(member)")
        }
        #expect(report.stdout.contains("57 sự kiện có chữ ký số (9 khóa), 0 sự kiện không có chữ ký số"))
    }

    @Test func aMissingLogIsRefusedAndNotCreated() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let result = try cli.run("report", "--year", "2017")
        #expect(result.status == 1, "\(result)")
        #expect(!FileManager.default.fileExists(atPath: cli.database))
    }
}

/// Replay's document, and the value each tagged number of the report should have.
struct Expected {
    let document: JSONObject
    let standings: [JSONObject]
    let scores: [JSONObject]
    let criteria: [JSONObject]

    init(_ text: String) throws {
        document = try #require(try JSON.parse(text).objectValue)
        standings = (document["standings"]?.arrayValue ?? []).compactMap(\.objectValue)
        scores = (document["scores"]?.arrayValue ?? []).compactMap(\.objectValue)
        criteria = (document["criteria"]?.arrayValue ?? []).compactMap(\.objectValue).filter { $0["retired"] != .bool(true) }
    }

    /// The criteria in force by group, groups in the order their first criterion comes (the sheet's order).
    var groups: [[JSONObject]] {
        var order: [String] = [], byGroup: [String: [JSONObject]] = [:]
        for c in criteria {
            let name = c["group"]?.stringValue ?? "\u{0}"
            if byGroup[name] == nil { order.append(name) }
            byGroup[name, default: []].append(c)
        }
        return order.map { byGroup[$0] ?? [] }
    }

    func effective(_ member: String, _ criterion: String) -> Points? {
        scores.first { $0["member"]?.stringValue == member && $0["criterion"]?.stringValue == criterion }?["effective"]?.numberValue.flatMap(Points.init)
    }

    func text(_ json: JSON?) -> String? {
        switch json {
        case .number(let n)?: Points(n)?.description ?? n.description
        case .string(let s)?: s
        default: nil
        }
    }

    func value(_ n: ReportHTML.Tagged) -> String? {
        let member = n.member ?? "", item = n.item ?? ""
        let row = standings.first { $0["member"]?.stringValue == member }
        switch n.key {
        case "position": return text(document["position"])
        case "members": return String((document["members"]?.arrayValue ?? []).filter { $0.objectValue?["active"] == .bool(true) }.count)
        case "standings.rank", "sheet.rank": return text(row?["rank"])
        case "standings.base", "sheet.base": return text(row?["base"])
        case "standings.bonus", "sheet.bonus": return text(row?["bonus"])
        case "standings.penalty", "sheet.penalty": return text(row?["penalty"])
        case "standings.total", "sheet.total", "chart.total": return text(row?["total"])
        case "standings.group":
            let base = groups.map { $0.filter { $0["kind"]?.stringValue == "base" } }.filter { !$0.isEmpty }
            guard let index = Int(item), base.indices.contains(index) else { return nil }
            return base[index].reduce(Points.zero) { $0 + (effective(member, $1["code"]?.stringValue ?? "") ?? .zero) }.description
        case "sheet.group":
            guard let index = Int(item), groups.indices.contains(index) else { return nil }
            return groups[index].reduce(Points.zero) { sum, c in
                let points = effective(member, c["code"]?.stringValue ?? "") ?? .zero
                return c["kind"]?.stringValue == "penalty" ? sum - points : sum + points
            }.description
        case "group.max":
            guard let index = Int(item), groups.indices.contains(index) else { return nil }
            return groups[index].filter { $0["kind"]?.stringValue != "penalty" }
                .reduce(Points.zero) { $0 + ($1["maxPoints"]?.numberValue.flatMap(Points.init) ?? .zero) }.description
        case "criterion.max": return text(criteria.first { $0["code"]?.stringValue == item }?["maxPoints"])
        case "sheet.score", "sheet.self":
            let score = scores.first { $0["member"]?.stringValue == member && $0["criterion"]?.stringValue == item }
            return text(score?[n.key == "sheet.score" ? "effective" : "submitted"])
        case "elections.term", "elections.seats", "elections.ballots", "elections.tally":
            let election = (document["elections"]?.arrayValue ?? []).compactMap(\.objectValue).first { $0["id"]?.stringValue == item }
            switch n.key {
            case "elections.tally": return text(election?["tally"]?.objectValue?[member])
            default: return text(election?[String(n.key.dropFirst("elections.".count))])
            }
        default: return nil
        }
    }
}

import Foundation
import Testing

@Suite("End to end: criteria, the score sheet, registrations, log correlation")
struct YearReadsTests {
    func seeded() throws -> Thidua {
        let cli = try Thidua()
        let result = try cli.run("append", Example.seedPath)
        #expect(result.status == 0, "\(result)")
        return cli
    }

    func json(_ result: Thidua.Result) throws -> [String: Any] {
        #expect(result.status == 0, "\(result)")
        return try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
    }

    func lines(_ result: Thidua.Result) -> [String] {
        result.stdout.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    }

    /// The cells of the table line that starts with `label`, split on the alignment.
    func tableRow(_ result: Thidua.Result, _ label: String) -> [String]? {
        lines(result).first { $0.hasPrefix(label + " ") }?.split(separator: "  ").map { $0.trimmingCharacters(in: .whitespaces) }
    }

    // MARK: criteria

    @Test func criteriaAsJSON() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let doc = try json(try cli.run("criteria", "--year", "2017", "--format", "json"))
        #expect(doc["bloc"] as? String == "BDTW")
        #expect(doc["year"] as? Int == 2017)
        #expect(doc["position"] as? Int == 188)
        #expect(doc["status"] as? String == "closed")
        let criteria = try #require(doc["criteria"] as? [[String: Any]])
        #expect(criteria.count == 19)
        #expect(criteria.map { $0["code"] as? String } == ["1.1", "1.2", "1.3", "1.4", "1.5", "2.1", "2.2", "2.3", "2.4", "3.1", "3.2", "3.3",
                                                          "4.1", "4.2", "4.3", "B.1", "B.2", "P.1", "P.2"])
        let first = criteria[0]
        #expect(first["title"] as? String == "Tham mưu Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư theo chức năng, nhiệm vụ")
        #expect(first["group"] as? String == "I")
        #expect(first["kind"] as? String == "base")
        #expect(first["maxPoints"] as? Int == 15)
        #expect(first["retired"] as? Bool == false)
        let last = criteria[18]
        #expect(last["group"] as? String == "P")
        #expect(last["kind"] as? String == "penalty")
        #expect(last["maxPoints"] as? Int == 2)
        #expect(Set(criteria[0].keys) == ["code", "title", "group", "kind", "maxPoints", "retired"])
        // The same objects as replay's.
        let replay = try json(try cli.run("replay", "--year", "2017", "--format", "json"))
        #expect((replay["criteria"] as? NSArray) == (doc["criteria"] as? NSArray))
    }

    @Test func criteriaAsCSVAndTable() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let csv = lines(try cli.run("criteria", "--year", "2017", "--format", "csv"))
        #expect(csv[0] == "code,title,group,kind,maxPoints,retired")
        #expect(csv[1] == "1.1,\"Tham mưu Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư theo chức năng, nhiệm vụ\",I,base,15,false")
        #expect(csv[16] == "B.1,\"Sáng kiến, giải pháp công tác được công nhận\",B,bonus,3,false")
        #expect(csv.count == 21)  // header, 19 criteria, the final newline
        let table = try cli.run("criteria", "--year", "2017", "--lang", "en")
        #expect(table.status == 0)
        #expect(lines(table)[0] == "BDTW 2017 — closed, as of position 188")
        #expect(lines(table)[1].split(separator: " ", omittingEmptySubsequences: true) == ["group", "code", "title", "kind", "max", "retired"])
        #expect(tableRow(table, "I") == ["I", "1.1", "Tham mưu Ban Chấp hành Trung ương, Bộ Chính trị, Ban Bí thư theo chức năng, nhiệm vụ", "base", "15"])
        #expect(tableRow(table, "P")?.suffix(3) == ["Cán bộ, đảng viên vi phạm kỷ luật", "penalty", "5"])
        #expect(lines(table).contains { $0.contains("group I, in force") && $0.hasSuffix(" 50") })
        #expect(table.stdout.contains("maximum in force: base 100, bonus 5, penalty 7\n"))
    }

    @Test func aRetiredCriterionIsMarkedAndLeavesTheSheet() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let retired = try cli.run("--as", "BKTTW", "criterion", "retire", "--year", "2018", "--code", "4.3", "--reason", "Gộp vào 4.1")
        #expect(retired.status == 0, "\(retired)")
        let criteria = try #require(try json(try cli.run("criteria", "--year", "2018", "--format", "json"))["criteria"] as? [[String: Any]])
        #expect(criteria.first { $0["code"] as? String == "4.3" }?["retired"] as? Bool == true)
        #expect(lines(try cli.run("criteria", "--year", "2018", "--format", "csv")).contains("4.3,Thực hiện quy chế dân chủ cơ sở,IV,base,3,true"))
        let table = try cli.run("criteria", "--year", "2018", "--lang", "en")
        #expect(lines(table).contains { $0.contains("4.3   Thực hiện quy chế dân chủ cơ sở") && $0.hasSuffix("retired") })
        #expect(table.stdout.contains("maximum in force: base 97, bonus 5, penalty 7"))
        let sheet = try json(try cli.run("scores", "--year", "2018", "--format", "json"))
        #expect((sheet["criteria"] as? [[String: Any]])?.map { $0["code"] as? String }.contains("4.3") == false)
        #expect((sheet["criteria"] as? [Any])?.count == 18)
    }

    // MARK: scores

    @Test func theScoreSheetAsJSON() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let doc = try json(try cli.run("scores", "--year", "2017", "--format", "json"))
        #expect(doc["bloc"] as? String == "BDTW")
        #expect(doc["year"] as? Int == 2017)
        #expect(doc["position"] as? Int == 188)
        #expect(doc["status"] as? String == "closed")
        #expect((doc["criteria"] as? [Any])?.count == 19)
        let rows = try #require(doc["rows"] as? [[String: Any]])
        #expect(rows.map { $0["member"] as? String } == ["BNCTW", "UBKTTW", "VPTW", "BTCTW", "BTGTW", "BDNTW", "BDVTW", "BKTTW"])
        let vptw = rows[2]
        #expect(vptw["name"] as? String == "Văn phòng Trung ương Đảng")
        #expect(vptw["rank"] as? Int == 6)
        #expect(vptw["base"] as? Double == 92)
        #expect(vptw["bonus"] as? Double == 2.5)
        #expect(vptw["penalty"] as? Double == 2)
        #expect(vptw["total"] as? Double == 92.5)
        #expect(vptw["complete"] as? Bool == true)
        let scores = try #require(vptw["scores"] as? [[String: Any]])
        #expect(scores.count == 19)
        let reviewed = scores[1]
        #expect(reviewed["criterion"] as? String == "1.2")
        #expect(reviewed["submitted"] as? Double == 9)
        #expect(reviewed["reviewed"] as? Double == 8.5)
        #expect(reviewed["effective"] as? Double == 8.5)
        #expect(scores[0]["criterion"] as? String == "1.1")
        #expect(scores[0]["submitted"] as? Double == 14.25)
        #expect(scores[0]["reviewed"] is NSNull)
        #expect(scores[0]["effective"] as? Double == 14.25)
        let groups = try #require(vptw["groups"] as? [[String: Any]])
        #expect(groups.map { $0["group"] as? String } == ["I", "II", "III", "IV", "B", "P"])
        // A penalty group takes away: the subtotals add up to the total.
        #expect(groups.map { $0["points"] as? Double } == [45.75, 18.75, 18.25, 9.25, 2.5, -2])
        // Every row agrees with the standings, field by field.
        let standings = try #require(try json(try cli.run("standings", "--year", "2017", "--format", "json"))["rows"] as? [[String: Any]])
        for row in rows {
            let standing = try #require(standings.first { $0["member"] as? String == row["member"] as? String })
            for key in ["rank", "name", "base", "bonus", "penalty", "total", "complete"] {
                #expect((row[key] as? NSObject) == (standing[key] as? NSObject), "\(row["member"] ?? "") \(key)")
            }
        }
    }

    @Test func theScoreSheetOfOneMemberInAnyCase() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let doc = try json(try cli.run("scores", "--year", "2017", "--member", "bkttw", "--format", "json"))
        let rows = try #require(doc["rows"] as? [[String: Any]])
        #expect(rows.count == 1)
        #expect(rows[0]["member"] as? String == "BKTTW")
        #expect(rows[0]["rank"] as? Int == 3)
        #expect(rows[0]["total"] as? Double == 99)
        let bonus = try #require((rows[0]["scores"] as? [[String: Any]])?.first { $0["criterion"] as? String == "B.1" })
        #expect(bonus["submitted"] as? Double == 1.5)
        #expect(bonus["reviewed"] as? Double == 3)
        #expect(bonus["effective"] as? Double == 3)
    }

    @Test func theScoreSheetAsCSV() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let csv = lines(try cli.run("scores", "--year", "2017", "--format", "csv"))
        #expect(csv[0] == "member,name,1.1,1.2,1.3,1.4,1.5,2.1,2.2,2.3,2.4,3.1,3.2,3.3,4.1,4.2,4.3,B.1,B.2,P.1,P.2,"
                + "group I,group II,group III,group IV,group B,group P,base,bonus,penalty,total,rank,complete,reviewed")
        #expect(csv[3] == "VPTW,Văn phòng Trung ương Đảng,14.25,8.5,9,9.5,4.5,5.5,4.75,4.75,3.75,7.25,5.5,5.5,3.75,2.75,2.75,1.5,1,1,1,"
                + "45.75,18.75,18.25,9.25,2.5,-2,92,2.5,2,92.5,6,true,1.2 self 9")
        #expect(csv[1].hasPrefix("BNCTW,Ban Nội chính Trung ương,14.5,"))
        #expect(csv[1].hasSuffix(",98.5,5,0,103.5,1,true,"))
        #expect(csv.count == 10)
        let one = lines(try cli.run("scores", "--year", "2017", "--member", "BTCTW", "--format", "csv"))
        #expect(one.count == 3)
        #expect(one[1].hasSuffix(",92.75,1,2,91.75,8,true,P.2 self 0"))
    }

    @Test func theScoreSheetAsATable() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let table = try cli.run("scores", "--year", "2017", "--lang", "en")
        #expect(table.status == 0, "\(table)")
        #expect(lines(table)[0] == "BDTW 2017 — closed, as of position 188")
        #expect(tableRow(table, "criterion") == ["criterion", "max", "BNCTW", "UBKTTW", "VPTW", "BTCTW", "BTGTW", "BDNTW", "BDVTW", "BKTTW"])
        #expect(tableRow(table, "1.2") == ["1.2", "10", "9.75", "9.25", "8.5* (9)", "9.25", "9.5", "9.5", "9", "9.75"])
        #expect(tableRow(table, "group I") == ["group I", "50", "49", "48.75", "45.75", "46.25", "47.25", "45.25", "46", "47.75"])
        #expect(tableRow(table, "B.1")?.last == "3* (1.5)")
        #expect(tableRow(table, "total") == ["total", "103.5", "100.75", "92.5", "91.75", "96.25", "92.25", "93", "99"])
        #expect(tableRow(table, "rank") == ["rank", "1", "2", "6", "8", "4", "7", "5", "3"])
        #expect(tableRow(table, "complete")?.dropFirst().allSatisfy { $0 == "yes" } == true)
        #expect(table.stdout.contains("* reviewed (thẩm định): these points count; the member's self-score in brackets"))
        let one = try cli.run("scores", "--year", "2017", "--member", "VPTW", "--lang", "en")
        #expect(tableRow(one, "criterion") == ["criterion", "max", "VPTW"])
        #expect(tableRow(one, "P.2") == ["P.2", "2", "1"])
        #expect(tableRow(one, "penalty") == ["penalty", "2"])
    }

    @Test func aMissingScoreIsShownAndTheMemberIncomplete() throws {
        let cli = try seeded()
        defer { cli.remove() }
        #expect(try cli.run("--as", "BKTTW", "score", "submit", "--year", "2018", "--criterion", "1.1", "--points", "12.5").status == 0)
        let table = try cli.run("scores", "--year", "2018", "--member", "BKTTW", "--lang", "en")
        #expect(tableRow(table, "1.1") == ["1.1", "15", "12.5"])
        #expect(tableRow(table, "1.2") == ["1.2", "10", "—"])
        #expect(tableRow(table, "complete") == ["complete", "no"])
        #expect(!table.stdout.contains("reviewed (thẩm định)"))
        let row = try #require((try json(try cli.run("scores", "--year", "2018", "--member", "BKTTW", "--format", "json"))["rows"] as? [[String: Any]])?.first)
        #expect(row["total"] as? Double == 12.5)
        #expect(row["complete"] as? Bool == false)
        #expect((row["scores"] as? [[String: Any]])?[1]["effective"] is NSNull)
        #expect(lines(try cli.run("scores", "--year", "2018", "--member", "BKTTW", "--format", "csv"))[1]
                == "BKTTW,Ban Kinh tế Trung ương,12.5,,,,,,,,,,,,,,,,,,,12.5,0,0,0,0,0,12.5,0,0,12.5,1,false,")
    }

    @Test("an unknown member is an error naming the known ones", arguments: ["scores", "scores sheet"])
    func unknownMember(command: String) throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run(command.split(separator: " ").map(String.init) + ["--year", "2017", "--member", "SGTVT"])
        #expect(result.status == 1)
        #expect(result.stdout.isEmpty)
        #expect(result.stderr == "error: BDTW 2017 has no member SGTVT; its members are BNCTW, UBKTTW, VPTW, BTCTW, BTGTW, BDNTW, BDVTW, BKTTW\n")
    }

    @Test func finalizeIsStillASubcommandOfScores() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let help = try cli.run("scores", "--help")
        #expect(help.stdout.contains("finalize"))
        #expect(help.stdout.contains("sheet"))
        let refused = try cli.run("--as", "VPTW", "scores", "finalize", "--year", "2018")
        #expect(refused.status == 1, "\(refused)")
    }

    // MARK: registrations

    @Test func registrationsAsJSON() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let doc = try json(try cli.run("registrations", "--year", "2018", "--format", "json"))
        #expect(doc["year"] as? Int == 2018)
        #expect(doc["status"] as? String == "open")
        #expect(doc["position"] as? Int == 245)
        let registrations = try #require(doc["registrations"] as? [[String: Any]])
        #expect(registrations.map { $0["member"] as? String } == ["BNCTW", "UBKTTW", "VPTW", "BTCTW", "BTGTW", "BDNTW", "BDVTW", "BKTTW"])
        let ubkttw = registrations[1]
        #expect(ubkttw["name"] as? String == "Ủy ban Kiểm tra Trung ương")
        #expect(ubkttw["targets"] as? [String] == ["Hoàn thành xuất sắc nhiệm vụ chính trị năm 2018", "Tổ chức đảng trong sạch, vững mạnh tiêu biểu"])
        #expect(ubkttw["titlesSought"] as? [String] == ["government-flag"])
        #expect(registrations[0]["titlesSought"] as? [String] == ["pm-certificate"])
        #expect(doc["unregistered"] as? [String] == [])
        let none = try json(try cli.run("registrations", "--year", "2017", "--format", "json"))
        #expect((none["registrations"] as? [Any])?.isEmpty == true)
        #expect((none["unregistered"] as? [String])?.count == 8)
    }

    @Test func registrationsAsCSVAndTable() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let csv = lines(try cli.run("registrations", "--year", "2018", "--format", "csv"))
        #expect(csv[0] == "member,name,titlesSought,number,target")
        #expect(csv[1] == "BNCTW,Ban Nội chính Trung ương,pm-certificate,1,Hoàn thành xuất sắc nhiệm vụ chính trị năm 2018")
        #expect(csv[4] == "UBKTTW,Ủy ban Kiểm tra Trung ương,government-flag,2,\"Tổ chức đảng trong sạch, vững mạnh tiêu biểu\"")
        #expect(csv.count == 18)
        let table = try cli.run("registrations", "--year", "2018", "--lang", "en")
        #expect(tableRow(table, "BKTTW") == ["BKTTW", "Ban Kinh tế Trung ương", "government-flag", "1", "Hoàn thành xuất sắc nhiệm vụ chính trị năm 2018"])
        #expect(lines(table).filter { $0.hasSuffix("2  Tổ chức đảng trong sạch, vững mạnh tiêu biểu") }.count == 8)
        #expect(!table.stdout.contains("not registered"))
        let empty = try cli.run("registrations", "--year", "2017", "--lang", "en")
        #expect(empty.stdout.contains("(none)\nnot registered: BNCTW, UBKTTW, VPTW, BTCTW, BTGTW, BDNTW, BDVTW, BKTTW\n"))
    }

    @Test func aTargetCannotDriveTheTerminalOrTheSpreadsheet() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let target = "=HYPERLINK(\"http://x\")\nthứ hai \u{202E}cba"
        let submitted = try cli.run("--as", "BNCTW", "registration", "submit", "--year", "2018", "--target", target, "--seek", "pm-certificate")
        #expect(submitted.status == 0, "\(submitted)")
        let table = try cli.run("registrations", "--year", "2018")
        #expect(!table.stdout.contains("\u{202E}"))
        #expect(table.stdout.contains(#"=HYPERLINK("http://x")\u{A}thứ hai \u{202E}cba"#))
        let csv = try cli.run("registrations", "--year", "2018", "--format", "csv").stdout
        #expect(csv.contains("BNCTW,Ban Nội chính Trung ương,pm-certificate,1,\"'=HYPERLINK(\"\"http://x\"\")\nthứ hai \u{202E}cba\"\n"))
        let doc = try json(try cli.run("registrations", "--year", "2018", "--format", "json"))
        #expect((doc["registrations"] as? [[String: Any]])?.first?["targets"] as? [String] == [target])
    }

    @Test("every read of a year not opened says so", arguments: ["criteria", "scores", "registrations"])
    func unopenedYear(command: String) throws {
        let cli = try seeded()
        defer { cli.remove() }
        let result = try cli.run(command, "--year", "2030")
        #expect(result.status == 1)
        #expect(result.stderr == "error: year 2030 of BDTW has not been opened\n")
    }

    // MARK: log correlation

    @Test func logShowsAndFiltersCorrelation() throws {
        let cli = try seeded()
        defer { cli.remove() }
        let minutes = "Biên bản chấm chéo năm 2017"
        let csv = lines(try cli.run("log", "--correlation", minutes, "--format", "csv"))
        #expect(csv[0] == "position,stream,version,type,actor,occurredAt,recordedAt,id,data,correlation,signer")
        #expect(csv.dropFirst().filter { !$0.isEmpty }.map { $0.split(separator: ",")[0] } == ["175", "176", "177", "178", "179", "180"])
        #expect(csv.dropFirst().filter { !$0.isEmpty }.allSatisfy { $0.hasSuffix("," + minutes + ",") }, "unsigned: no signer")
        let events = try cli.run("log", "--correlation", minutes, "--format", "json").stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(events.map { $0["position"] as? Int } == [175, 176, 177, 178, 179, 180])
        #expect(events.allSatisfy { $0["correlation"] as? String == minutes })
        #expect(events.filter { $0["type"] as? String == "score.reviewed" }.count == 5)
        let table = try cli.run("log", "--correlation", minutes, "--type", "scores.finalized", "--lang", "en")
        #expect(tableRow(table, "pos")?.contains("correlation") == true)
        #expect(tableRow(table, "180")?.contains(minutes) == true)
        #expect(lines(table).filter { !$0.isEmpty }.count == 3)
        // Exact: neither a prefix nor another case matches.
        #expect(try cli.run("log", "--correlation", "Biên bản chấm chéo", "--lang", "en").stdout == "no events match\n")
        #expect(try cli.run("log", "--correlation", minutes.uppercased(), "--format", "csv").stdout == csv[0] + "\n")
        // Without a correlation the cell is empty.
        let uncorrelated = lines(try cli.run("log", "--from", "23", "--to", "23", "--format", "csv"))
        #expect(uncorrelated[1].hasSuffix("}\",,"))
    }
}

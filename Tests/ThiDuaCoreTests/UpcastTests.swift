import Testing
@testable import ThiDuaCore
@testable import ThiDuaJSON
@testable import ThiDuaLog

/// Schema evolution (§13): `score.submitted` schema 1's text evidence is read as schema 2's list, in one place.
@Suite("Upcasting: score.submitted schema 1 is read as schema 2")
struct UpcastTests {
    static func object(_ text: String) -> JSONObject {
        guard case .object(let object)? = try? JSON.parse(text) else { fatalError("bad test data: \(text)") }
        return object
    }

    static func evidence(_ schema: Int, _ data: String) throws(ThiDuaError) -> [Evidence] {
        let event = try DomainEvent(type: .scoreSubmitted, schema: schema, actor: "BNCTW", data: object(data))
        guard case .scoreSubmitted(_, _, _, let evidence) = event.payload else { fatalError("not a self-score") }
        return evidence
    }

    static let sha = String(repeating: "0f", count: 32)

    @Test func schemaOneTextIsOneTitleAndNoTextIsNone() throws {
        #expect(try Self.evidence(1, #"{"member":"BNCTW","criterion":"1.1","points":3,"evidence":"Báo cáo\nsố 12"}"#)
                == [Evidence(title: "Báo cáo\nsố 12")], "schema 1 kept its several lines")
        #expect(try Self.evidence(1, #"{"member":"BNCTW","criterion":"1.1","points":3}"#) == [])
        #expect(try Self.evidence(2, #"{"member":"BNCTW","criterion":"1.1","points":3}"#) == [])
    }

    @Test func theDataIsUpcastAsJSONWithoutTouchingTheStoredForm() {
        let stored = Self.object(#"{"member":"BNCTW","criterion":"1.1","points":3,"evidence":"Báo cáo số 12"}"#)
        let upcast = Upcast.data(stored, type: .scoreSubmitted, schema: 1)
        #expect(JSON.object(upcast).canonicalText == #"{"criterion":"1.1","evidence":[{"title":"Báo cáo số 12"}],"member":"BNCTW","points":3}"#)
        #expect(JSON.object(stored).canonicalText == #"{"criterion":"1.1","evidence":"Báo cáo số 12","member":"BNCTW","points":3}"#)
        #expect(Upcast.data(stored, type: .scoreSubmitted, schema: 2) == stored, "the latest layout is read as it is")
        #expect(Upcast.data(stored, type: .criterionSet, schema: 1) == stored)
        // The upcast data decodes under the latest schema to the same evidence as the stored data under its own.
        #expect((try? DomainEvent(type: .scoreSubmitted, schema: 2, actor: "BNCTW", data: upcast))
                == (try? DomainEvent(type: .scoreSubmitted, schema: 1, actor: "BNCTW", data: stored)))
    }

    @Test func schemaTwoKeepsEveryField() throws {
        let list = try Self.evidence(2, #"{"member":"BNCTW","criterion":"1.1","points":3,"evidence":[{"title":"Báo cáo","sha256":"\#(Self.sha)","bytes":12,"mediaType":"application/pdf"},{"title":"Công văn số 3"}]}"#)
        #expect(list == [Evidence(title: "Báo cáo", sha256: Self.sha, bytes: 12, mediaType: "application/pdf"), Evidence(title: "Công văn số 3")])
        #expect(list.map(\.json).map(\.canonicalText) == [
            #"{"bytes":12,"mediaType":"application/pdf","sha256":"\#(Self.sha)","title":"Báo cáo"}"#, #"{"title":"Công văn số 3"}"#,
        ])
    }

    @Test("each malformed list is refused with its code and field", arguments: [
        (#""text""#, "wrong-type", "data.evidence"),
        (#"[1]"#, "wrong-type", "data.evidence[0]"),
        (#"[{"title":"A","sha256":"xyz","bytes":1}]"#, "bad-sha256", "data.evidence[0].sha256"),
        (#"[{"title":"A","sha256":"SHA","bytes":-1}]"#, "bad-bytes", "data.evidence[0].bytes"),
        (#"[{"title":"A","sha256":"SHA","bytes":99999999999999999999}]"#, "bad-bytes", "data.evidence[0].bytes"),
        (#"[{"title":"A","sha256":"SHA","bytes":"12"}]"#, "wrong-type", "data.evidence[0].bytes"),
        (#"[{"title":"A","sha256":"SHA","bytes":1,"mediaType":"text"}]"#, "bad-media-type", "data.evidence[0].mediaType"),
        (#"[{"title":"A","sha256":"SHA","bytes":1,"mediaType":"text/plain; charset=\u0007"}]"#, "bad-media-type", "data.evidence[0].mediaType"),
        (#"[{"title":"A","mediaType":"text/plain"}]"#, "missing-field", "data.evidence[0].sha256"),
        (#"[{"title":"A","sha256":"SHA"}]"#, "missing-field", "data.evidence[0].bytes"),
        (#"[{"sha256":"SHA","bytes":1}]"#, "missing-field", "data.evidence[0].title"),
        (#"[{"title":"A\u202E","sha256":"SHA","bytes":1}]"#, "bidi-control", "data.evidence[0].title"),
        (#"[{"title":"A","sha256":"SHA","bytes":1},{"title":"B","sha256":"SHA","bytes":1}]"#, "duplicate-evidence", "data.evidence[1].sha256"),
        (#"[{"title":"A","note":"x"}]"#, "unknown-field", "data.evidence[0].note"),
    ])
    func refused(_ list: String, _ code: String, _ field: String) {
        let data = #"{"member":"BNCTW","criterion":"1.1","points":3,"evidence":\#(list.replacingOccurrences(of: "SHA", with: Self.sha))}"#
        do {
            _ = try Self.evidence(2, data)
            Issue.record("accepted \(list)")
        } catch {
            #expect(error.code.rawValue == code, "\(list): \(error)")
            #expect(error.field == field, "\(list): \(error)")
        }
    }

    @Test func atMostAHundredDocuments() throws {
        let list = "[" + Array(repeating: #"{"title":"T"}"#, count: 101).joined(separator: ",") + "]"
        #expect(throws: ThiDuaError.self) { try Self.evidence(2, #"{"member":"BNCTW","criterion":"1.1","points":3,"evidence":\#(list)}"#) }
        let hundred = "[" + Array(repeating: #"{"title":"T"}"#, count: 100).joined(separator: ",") + "]"
        #expect(try Self.evidence(2, #"{"member":"BNCTW","criterion":"1.1","points":3,"evidence":\#(hundred)}"#).count == 100)
    }

    @Test func onlyKnownSchemasAreRead() {
        #expect(EventType.scoreSubmitted.latestSchema == 2 && EventType.criterionSet.latestSchema == 1)
        for (type, schema) in [(EventType.scoreSubmitted, 3), (.scoreSubmitted, 0), (.voteCast, 2)] {
            do {
                _ = try DomainEvent(type: type, schema: schema, actor: "BNCTW", data: [:])
                Issue.record("schema \(schema) of \(type.rawValue) accepted")
            } catch {
                #expect(error.code == .unknownSchema)
            }
        }
    }

    @Test func aYearSnapshotKeepsTheEvidenceOfTheLatestSelfScore() throws {
        var state = YearState(bloc: "BDTW", year: 2018)
        state.scores["BNCTW", default: [:]]["1.1"] = ScoreEntry(submitted: Points("14"), reviewed: Points("13"),
                                                                 evidence: [Evidence(title: "Báo cáo", sha256: Self.sha, bytes: 9)])
        state.scores["BNCTW", default: [:]]["1.2"] = ScoreEntry(submitted: Points("3"))
        let restored = try #require(YearState(snapshot: state.snapshot))
        #expect(restored == state)
        #expect(StateDocument(state).stateHash == StateDocument(restored).stateHash)
        var without = state
        without.scores["BNCTW"]?["1.1"]?.evidence = []
        #expect(StateDocument(without).stateHash == StateDocument(state).stateHash, "evidence is shown, not hashed")
    }
}

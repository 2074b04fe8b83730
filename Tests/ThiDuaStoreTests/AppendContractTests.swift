import Foundation
import GRDB
import Testing
import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog
@testable import ThiDuaStore

@Suite("Store contract: append")
struct AppendContractTests {
    @Test(arguments: AppendMode.allCases) func positionsAreGlobalAndVersionsPerStream(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        try log.append(Lines.setup + [Lines.opened(2018), Lines.score("BNCTW", "18.5"), Lines.criterion(year: 2018)])
        let events = try log.all()
        #expect(events.map(\.position) == [1, 2, 3, 4, 5, 6])
        #expect(events.map(\.stream) == ["BDTW", "BDTW/2017", "BDTW/2017", "BDTW/2018", "BDTW/2017", "BDTW/2018"])
        #expect(events.map(\.version) == [1, 1, 2, 1, 3, 2])
    }

    @Test(arguments: AppendMode.allCases) func recordedAtIsSetByTheStoreAndOccurredAtDefaultsToIt(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        try log.append(Lines.setup + [#"{"type":"member.admitted","bloc":"BDTW","year":2017,"actor":"secretariat","data":{"code":"BDVTW","name":"Ban Dân vận Trung ương"}}"#])
        let events = try log.all()
        #expect(events[0].recordedAt == "2023-11-14T22:13:20.001000Z")
        #expect(events[3].occurredAt == events[3].recordedAt)
        #expect(events[1].occurredAt == "2017-01-05T08:00:00+07:00")
    }

    @Test(arguments: AppendMode.allCases) func aBatchWithOneBadLineAppendsNothingAndNamesTheLine(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        try log.append([Lines.founded])
        var lines = [Lines.opened(), Lines.criterion()]
        lines += (1...5).map { _ in Lines.score("BNCTW", "10") }
        lines.insert(Lines.score("BNCTW", "21"), at: 4)
        lines += (1...5).map { _ in Lines.score("UBKTTW", "12") }
        do {
            try log.append(lines)
            Issue.record("a bad batch was accepted")
        } catch {
            guard case .rejected(let refusal) = error else { Issue.record("unexpected \(error)"); return }
            #expect(refusal.line == 5)
            #expect(refusal.code == .pointsOverMaximum)
            #expect(refusal.description.hasPrefix("score.submitted rejected at line 5: field data.points: points 21 exceed the maximum 20"))
        }
        #expect(try log.all().count == 1)
    }

    @Test(arguments: AppendMode.allCases) func aMalformedLineInABatchAppendsNothing(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        do {
            try log.append(Lines.setup + ["{not json"])
            Issue.record("accepted malformed JSON")
        } catch {
            #expect(error.description.contains("rejected at line 4: malformed JSON at column 2"))
        }
        #expect(try log.all().isEmpty)
    }

    @Test(arguments: AppendMode.allCases) func laterLinesSeeTheStateEarlierLinesLeave(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        let report = try log.append(Lines.setup + [Lines.score("BNCTW", "18"), Lines.score("UBKTTW", "19.5")])
        let year = try #require(report.years[StreamID(bloc: "BDTW", year: 2017)])
        #expect(year.standings.map(\.member) == ["UBKTTW", "BNCTW", "BKTTW"])
    }

    @Test(arguments: AppendMode.allCases) func theSameIdWithTheSameContentIsANoOp(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        let id = "6f1c0a9b-3c1a-4f5e-9a7e-2d6f1c0a9b31"
        try log.append(Lines.setup + [Lines.score("BNCTW", "18", id: id)])
        let again = try log.append([Lines.score("BNCTW", "18.00", id: id.uppercased())])
        #expect(again.appended == 0)
        #expect(again.alreadyRecorded == 1)
        #expect(again.outcomes.first?.position == 4)
        #expect(try log.all().count == 4)
    }

    @Test(arguments: AppendMode.allCases) func theSameIdWithOtherContentIsRefused(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        let id = "6f1c0a9b-3c1a-4f5e-9a7e-2d6f1c0a9b31"
        try log.append(Lines.setup + [Lines.score("BNCTW", "18", id: id)])
        #expect {
            try log.append([Lines.score("BNCTW", "19", id: id)])
        } throws: { error in
            (error as? StoreError)?.description.contains("id \(id) is already recorded at position 4 with other content") == true
        }
        #expect(try log.all().count == 4)
    }

    @Test(arguments: AppendMode.allCases) func repeatedIdsInsideOneBatchAreOneEvent(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        let id = "6f1c0a9b-3c1a-4f5e-9a7e-2d6f1c0a9b31"
        let report = try log.append(Lines.setup + [Lines.score("BNCTW", "18", id: id), Lines.score("BNCTW", "18", id: id)])
        #expect(report.appended == 4)
        #expect(report.alreadyRecorded == 1)
    }

    @Test(arguments: AppendMode.allCases) func expectedVersionDetectsAConflict(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        try log.append(Lines.setup)
        let stale = #"{"type":"scores.finalized","bloc":"BDTW","year":2017,"actor":"BNCTW","expectedVersion":1}"#
        #expect {
            try log.append([stale])
        } throws: { error in
            (error as? StoreError)?.description.contains("expected BDTW/2017 at version 1, but it is at version 2") == true
        }
        try log.append([#"{"type":"scores.finalized","bloc":"BDTW","year":2017,"actor":"BNCTW","expectedVersion":2}"#])
        #expect(try log.all().count == 4)
    }

    @Test(arguments: AppendMode.allCases) func recordedAtNeverGoesBackwards(mode: AppendMode) throws {
        let log = try TemporaryLog(clockStart: 1_800_000_000_000_000, mode: mode)
        try log.append([Lines.founded])
        let earlier = try EventStore(path: log.path, create: false, clock: { 1_000_000 })
        _ = try earlier.append([AppendItem(line: 1, event: .success(try Envelope.parse(line: Array(Lines.opened().utf8))))], mode: mode)
        let events = try log.all()
        #expect(events[1].recordedAt == events[0].recordedAt)
    }

    @Test(arguments: AppendMode.allCases) func everyRowChainsFromThePrevious(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        try log.append(Lines.setup + [Lines.score("BNCTW", "18.5")])
        var previous = EventHashing.genesis
        try log.store.forEachEvent { event, prev in
            #expect(prev == previous)
            #expect(EventHashing.chain(previous: prev, canonical: event.canonicalBytes) == event.hash)
            previous = event.hash
            return true
        }
        #expect(try log.store.head()?.hash == previous)
    }

    @Test func readingANonexistentLogDoesNotCreateIt() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("absent-\(UUID().uuidString).sqlite").path
        #expect(throws: StoreError.self) { try EventStore(path: path, create: false) }
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func aFileThatIsNotALogIsReportedPlainly() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("garbage-\(UUID().uuidString).sqlite").path
        try Data(repeating: 0x41, count: 4096).write(to: URL(fileURLWithPath: path))
        defer { try? FileManager.default.removeItem(atPath: path) }
        #expect {
            try EventStore(path: path, create: false)
        } throws: { error in
            (error as? StoreError)?.description.contains("not a thidua log") == true
        }
    }

    @Test(arguments: AppendMode.allCases) func theBlocDefaultsToTheOnlyOne(mode: AppendMode) throws {
        let log = try TemporaryLog(mode: mode)
        #expect(throws: StoreError.self) { try log.store.resolveBloc(nil) }
        try log.append([Lines.founded])
        #expect(try log.store.resolveBloc(nil) == "BDTW")
        #expect(throws: StoreError.self) { try log.store.resolveBloc("XYZ") }
    }
}

@Suite("Store contract: generated ids")
struct EventIDTests {
    @Test func generatedIdsAreDistinctIncreasingVersion7UUIDs() throws {
        let ids = EventIDs()
        let drawn = (0..<10_000).map { _ in ids.uuid(millisecond: 1_700_000_000_000) } + [ids.uuid(millisecond: 1_700_000_000_001)]
        #expect(Set(drawn).count == drawn.count)
        #expect(drawn == drawn.sorted())
        #expect(drawn.first?.hasPrefix("018bcfe5-6800-7") == true)
        for id in drawn.prefix(100) {
            #expect(try Envelope.uuid(id) == id)
            let chars = Array(id)
            #expect(chars[14] == "7")
            #expect("89ab".contains(chars[19]))
        }
    }

    @Test func idsFromSeparateGeneratorsInTheSameMillisecondDiffer() {
        let first = EventIDs(), second = EventIDs()
        let a = (0..<1_000).map { _ in first.uuid(millisecond: 1_700_000_000_000) }
        let b = (0..<1_000).map { _ in second.uuid(millisecond: 1_700_000_000_000) }
        #expect(Set(a).isDisjoint(with: b))
    }
}

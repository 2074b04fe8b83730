import Foundation
import Testing

@Suite("End to end: concurrency and crashes (§8)")
struct DurabilityTests {
    @Test func concurrentAppendersLoseNothingAndKeepTheLogGapFree() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("init", "--bloc", "BDTW", "--name", "x", "--occurred-at", "2000-01-01").status == 0)
        let members = ["BNCTW", "UBKTTW", "VPTW", "BKTTW"]
        let year = #"{"type":"year.opened","bloc":"BDTW","year":2017,"actor":"secretariat","data":{"members":["# +
            members.map { #"{"code":"\#($0)","name":"Ban \#($0)"}"# }.joined(separator: ",") + #"],"head":"BNCTW"}}"# + "\n" +
            #"{"type":"criterion.set","bloc":"BDTW","year":2017,"actor":"BNCTW","data":{"code":"1.1","title":"t","maxPoints":1000}}"#
        #expect(try cli.run("append", "-", stdin: year).status == 0)
        let perWorker = 200
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: members.count) { worker in
            let member = members[worker]
            for index in 0..<perWorker {
                do {
                    let result = try cli.run("append", "-", stdin: Example.score(member, "\(index)"))
                    if result.status != 0 { failures.add("\(member) #\(index): \(result.stderr)") }
                } catch {
                    failures.add("\(member) #\(index): \(error)")
                }
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all.prefix(3))")
        let log = try cli.run("log", "--format", "csv").stdout.split(separator: "\n").dropFirst()
        let rows = log.map { $0.split(separator: ",", maxSplits: 4).map(String.init) }
        #expect(rows.count == 3 + members.count * perWorker)
        #expect(rows.map { Int($0[0]) } == Array(1...rows.count))
        let yearVersions = rows.filter { $0[1] == "BDTW/2017" }.map { Int($0[2]) }
        #expect(yearVersions == Array(1...yearVersions.count))
        #expect(try cli.run("verify").status == 0)
    }

    @Test func processesCreatingTheSameNewLogAtOnceAllSucceed() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        let failures = Failures()
        DispatchQueue.concurrentPerform(iterations: 6) { index in
            do {
                let line = #"{"type":"bloc.founded","bloc":"B\#(index)","actor":"secretariat","data":{"name":"Khối \#(index)"}}"#
                let result = try cli.run("append", "-", stdin: line)
                if result.status != 0 { failures.add(result.stderr) }
            } catch {
                failures.add("\(error)")
            }
        }
        #expect(failures.all.isEmpty, "\(failures.all)")
        let log = try cli.run("log", "--format", "csv").stdout.split(separator: "\n")
        #expect(log.count == 7)
        #expect(try cli.run("verify").status == 0)
    }

    @Test func aKilledBatchLeavesNothingOfItself() throws {
        let cli = try Thidua()
        defer { cli.remove() }
        #expect(try cli.run("append", "-", stdin: #"{"type":"bloc.founded","bloc":"BDTW","actor":"secretariat","occurredAt":"2000-01-01T08:00:00+07:00","data":{"name":"x"}}"# + "\n" + Example.year).status == 0)
        let before = try cli.run("export").stdout
        var lines = ""
        for index in 0..<300_000 { lines += Example.score("BNCTW", "\(index % 1000)") + "\n" }
        let file = try cli.write("big.jsonl", lines)
        let (process, _, _) = try cli.start(["append", file])
        Thread.sleep(forTimeInterval: 1.5)
        #expect(process.isRunning, "the batch finished before it could be killed; make it larger")
        kill(process.processIdentifier, SIGKILL)
        process.waitUntilExit()
        #expect(process.terminationReason == .uncaughtSignal)
        #expect(try cli.run("export").stdout == before)
        let verify = try cli.run("verify")
        #expect(verify.status == 0, "\(verify)")
        let next = try cli.run("append", "-", stdin: Example.score("BNCTW", "7"))
        #expect(next.status == 0)
        #expect(next.stdout.contains("đã ghi vị trí 4: BDTW/2017 v3 score.submitted"))
        #expect(try cli.run("verify").status == 0)
    }
}

final class Failures: @unchecked Sendable {
    private var items: [String] = []
    private let lock = NSLock()
    func add(_ item: String) { lock.lock(); items.append(item); lock.unlock() }
    var all: [String] { lock.lock(); defer { lock.unlock() }; return items }
}

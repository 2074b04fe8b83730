import ThiDuaLog
import ThiDuaStore

/// `thidua export --verbatim`: the header, every row as stored, every kept evidence document, the end line (EventLog/EXPORT.md).
enum VerbatimExport {
    static func write(_ store: EventStore) throws {
        Console.line(Verbatim.headerLine)
        var line: [UInt8] = []
        let (events, head) = try store.forEachStoredRow { row in
            line.removeAll(keepingCapacity: true)
            Verbatim.writeEvent(row, to: &line)
            Console.write(bytes: line)
        }
        let documents = try store.forEachKeptDocument { document in
            line.removeAll(keepingCapacity: true)
            Verbatim.writeEvidence(document, to: &line)
            Console.write(bytes: line)
        }
        Console.line(Verbatim.endLine(documents: documents, events: events, head: head))
    }
}

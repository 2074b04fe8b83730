import Foundation
import Testing
import ThiDuaJSON
@testable import thidua

@Suite("The JSON Lines reader owns its file")
struct ReaderTests {
    static func input(_ text: String) throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("thidua-reader-\(UUID().uuidString).jsonl").path
        try Data(text.utf8).write(to: URL(fileURLWithPath: path))
        return path
    }

    static let seesOpenFiles = FileManager.default.fileExists(atPath: "/proc/self/fd")

    /// Whether this process has `path` open, from /proc/self/fd (Linux).
    static func isOpen(_ path: String) -> Bool {
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        let fds = (try? FileManager.default.contentsOfDirectory(atPath: "/proc/self/fd")) ?? []
        return fds.contains { (try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/fd/\($0)")) == resolved }
    }

    @Test(.enabled(if: seesOpenFiles)) func aReaderDroppedBeforeItsEndClosesItsFile() throws {
        let path = try Self.input(Example.year)
        defer { try? FileManager.default.removeItem(atPath: path) }
        do {
            let reader = try JSONLinesReader(path: path, defaultActor: nil)
            #expect(reader.next()?.line == 1)
            #expect(Self.isOpen(path))
        }
        #expect(!Self.isOpen(path))
    }

    @Test(.enabled(if: seesOpenFiles)) func pastItsEndAReaderAnswersNilWithoutReadingAClosedFile() throws {
        let path = try Self.input(Example.year + "\n\n")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let reader = try JSONLinesReader(path: path, defaultActor: nil)
        #expect(Array(reader).map(\.line) == [1, 2])
        #expect(!Self.isOpen(path))
        for _ in 0..<3 { #expect(reader.next() == nil) }
    }

    @Test func aDirectoryIsRefusedOnceWithAReason() throws {
        let reader = try JSONLinesReader(path: FileManager.default.temporaryDirectory.path, defaultActor: nil)
        let items = Array(reader)
        #expect(items.count == 1)
        guard case .failure(let error)? = items.first?.event else { Issue.record("expected a failure"); return }
        #expect(error.code == .unreadableInput)
        #expect(reader.next() == nil)
    }
}

@Suite("Visible escapes and CSV cells")
struct VisibleTests {
    @Test("control, separator and bidi characters become escapes", arguments: [
        ("a\u{1B}[2Jb", #"a\u{1B}[2Jb"#), ("bell\u{07}", #"bell\u{7}"#), ("two\nlines", #"two\u{A}lines"#), ("tab\there", #"tab\u{9}here"#),
        ("\u{202E}txet", #"\u{202E}txet"#), ("a\u{2066}b\u{2069}", #"a\u{2066}b\u{2069}"#), ("del\u{7F}", #"del\u{7F}"#),
        ("nel\u{85}", #"nel\u{85}"#), ("ls\u{2028}", #"ls\u{2028}"#), ("rlm\u{200F}", #"rlm\u{200F}"#),
        ("Ban Nội chính Trung ương", "Ban Nội chính Trung ương"), ("中文 🎉", "中文 🎉"),
    ])
    func escapes(text: String, shown: String) {
        #expect(Visible.escaped(text) == shown)
    }

    @Test func lineBreaksCanBeKeptForMultiLineText() {
        #expect(Visible.escaped("Điều 1\nkhoản\u{1B}a", keepingLineBreaks: true) == "Điều 1\nkhoản\\u{1B}a")
    }

    @Test("formula-like text cells get a leading quote", arguments: [
        ("=1+2", "'=1+2"), ("+SUM(A1)", "'+SUM(A1)"), ("-2+3", "'-2+3"), ("@cmd", "'@cmd"), ("\tx", "'\tx"), ("\rx", "'\rx"),
        ("-", "'-"), ("--5", "'--5"), ("-2.", "'-2."),
    ])
    func neutralized(cell: String, written: String) {
        #expect(CSV.neutralized(cell) == written)
    }

    @Test func csvCellsKeepTheirTextButNotTerminalControls() {
        #expect(CSV.row(["a\u{1B}[2J", "two\nlines", "tab\there", "\u{202E}x"]) == "a\\u{1B}[2J,\"two\nlines\",tab\there,\u{202E}x")
    }

    @Test("numbers and ordinary text stay as they are", arguments: ["-2.5", "+3", "-0.25", "12", "98.5", "Ban Nội chính", "BNCTW", "", "2018-01-10T08:00:00+07:00"])
    func untouched(cell: String) {
        #expect(CSV.neutralized(cell) == cell)
    }
}

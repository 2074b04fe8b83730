import Foundation
import Testing

/// Headless Chromium and poppler's tools, to check the report as a browser prints it (§11). Where they are missing the
/// tests skip, saying why; where `CI` is set (`.ci/run`) they run, and their absence is a failure.
enum Browser {
    static let chromium = ["chromium", "chromium-browser"].lazy.compactMap(executable).first
    static let missing: [String] = [("chromium", chromium), ("pdftotext", executable("pdftotext")), ("pdfinfo", executable("pdfinfo")),
                                    ("python3", executable("python3"))].filter { $0.1 == nil }.map(\.0)
    static let required = !(ProcessInfo.processInfo.environment["CI"] ?? "").isEmpty
    static let runs = missing.isEmpty || required
    static let reason: Comment = "needs headless chromium and poppler-utils (pdftotext, pdfinfo): missing \(missing.joined(separator: ", "))"

    static func executable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    /// Runs chromium on `html` with `arguments` (`--print-to-pdf=…`, `--screenshot=…`), in its own profile folder. A small
    /// Python parent makes itself the subreaper of everything chromium starts, kills the lot after two minutes, and
    /// reaps every process (zygotes and renderers included) before it returns: nothing is left running, not even a zombie.
    static func render(_ html: String, in directory: URL, _ arguments: [String]) throws -> Thidua.Result {
        guard let chromium else {
            Issue.record("CI is set but chromium is missing; .ci/run installs it")
            return Thidua.Result(status: -1, stdout: "", stderr: "")
        }
        let profile = directory.appendingPathComponent("chromium-profile-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: profile) }
        let reaper = """
            import ctypes, os, signal, sys, time
            ctypes.CDLL(None).prctl(36, 1, 0, 0, 0)  # PR_SET_CHILD_SUBREAPER: orphans of chromium become ours
            child = os.fork()
            if child == 0:
                os.setpgid(0, 0)
                os.execv(sys.argv[1], sys.argv[1:])
            def children():
                me = str(os.getpid())
                for entry in os.listdir('/proc'):
                    try:
                        with open('/proc/%s/stat' % entry) as f: fields = f.read().rsplit(')', 1)[1].split()
                    except (OSError, IndexError): continue
                    if fields[1] == me: yield int(entry)
            deadline, status, done = time.monotonic() + 120, 1, False
            while True:
                if done or time.monotonic() > deadline:
                    for pid in [child] + list(children()):
                        try: os.kill(pid, signal.SIGKILL)
                        except OSError: pass
                try: pid, code = os.waitpid(-1, os.WNOHANG)
                except ChildProcessError: break
                if pid == 0: time.sleep(0.02); continue
                if pid == child: status, done = os.waitstatus_to_exitcode(code), True
            sys.exit(status if status >= 0 else 1)
            """
        return try Thidua.capture("/usr/bin/env", ["python3", "-c", reaper, chromium, "--headless", "--no-sandbox", "--disable-gpu",
                                                   "--disable-dev-shm-usage", "--no-first-run", "--user-data-dir=\(profile)",
                                                   "--no-pdf-header-footer"] + arguments + [URL(fileURLWithPath: html).absoluteString])
    }

    /// The text of each page of a PDF, whitespace collapsed to single spaces.
    static func pages(_ pdf: String) throws -> [String] {
        let info = try Thidua.capture("/usr/bin/env", ["pdfinfo", pdf])
        let count = info.stdout.split(separator: "\n").first { $0.hasPrefix("Pages:") }
            .flatMap { Int($0.dropFirst("Pages:".count).trimmingCharacters(in: .whitespaces)) } ?? 0
        return try (0..<count).map { index in
            let page = try Thidua.capture("/usr/bin/env", ["pdftotext", "-f", "\(index + 1)", "-l", "\(index + 1)", pdf, "-"])
            return page.stdout.split(whereSeparator: \.isWhitespace).joined(separator: " ")
        }
    }

    /// How many distinct pixel values a PNG has and the share of them that are not white (python3's zlib reads it).
    static func pixels(_ png: String) throws -> (distinct: Int, inked: Double) {
        let script = """
            import sys, zlib, struct
            data = open(sys.argv[1], 'rb').read()
            assert data[:8] == b'\\x89PNG\\r\\n\\x1a\\n'
            pos, idat, width, height, depth, ctype = 8, b'', 0, 0, 0, 0
            while pos < len(data):
                length, kind = struct.unpack('>I4s', data[pos:pos + 8])
                body = data[pos + 8:pos + 8 + length]
                if kind == b'IHDR': width, height, depth, ctype = struct.unpack('>IIBB', body[:10])
                if kind == b'IDAT': idat += body
                pos += 12 + length
            channels = {0: 1, 2: 3, 4: 2, 6: 4}[ctype]
            raw, stride = zlib.decompress(idat), width * channels
            prev, seen, inked = bytearray(stride), set(), 0
            for y in range(height):
                f, line = raw[y * (stride + 1)], bytearray(raw[y * (stride + 1) + 1:(y + 1) * (stride + 1)])
                for i in range(stride):
                    a = line[i - channels] if i >= channels else 0
                    b, c = prev[i], prev[i - channels] if i >= channels else 0
                    if f == 1: line[i] = (line[i] + a) & 255
                    elif f == 2: line[i] = (line[i] + b) & 255
                    elif f == 3: line[i] = (line[i] + (a + b) // 2) & 255
                    elif f == 4:
                        p = a + b - c; pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                        line[i] = (line[i] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 255
                for x in range(0, stride, channels):
                    px = bytes(line[x:x + min(channels, 3)])
                    seen.add(px)
                    if min(px) < 200: inked += 1
                prev = line
            print(len(seen), inked / (width * height))
            """
        let result = try Thidua.capture("/usr/bin/env", ["python3", "-c", script, png])
        let fields = result.stdout.split(separator: " ").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
        return (Int(fields.first ?? "") ?? 0, Double(fields.last ?? "") ?? 0)
    }
}

import Foundation
import ThiDuaLog

/// Private key files on disk (§9): written once with mode 0600, never overwritten; read only when no one but the
/// owner can read them, as ssh does (a key others could read may already be someone else's).
enum KeyFile {
    /// A key file is one short line; anything longer is not one.
    static let maximumBytes = 4096

    /// Creates `path` with O_EXCL and mode 0600 and writes the key; refuses an existing file, whatever it holds.
    static func write(_ key: SigningKey, to path: String) throws {
        let fd = open(path, O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0o600)
        guard fd >= 0 else {
            let failure = errno
            if failure == EEXIST {
                throw CLIError.rejected("\(path) already exists; a key file is never overwritten: choose another --out, or remove the old key yourself if you mean to replace it")
            }
            throw CLIError.rejected("cannot create \(path): \(String(cString: strerror(failure)))")
        }
        let bytes = Array(key.fileText.utf8)
        // The umask may have taken bits away, never added them; fchmod makes the mode exactly 0600.
        var failure: Int32 = fchmod(fd, 0o600) == 0 ? 0 : errno
        if failure == 0 {
            var offset = 0
            while offset < bytes.count {
                let written = bytes.withUnsafeBytes { Foundation.write(fd, $0.baseAddress! + offset, bytes.count - offset) }
                if written < 0 {
                    if errno == EINTR { continue }
                    failure = errno
                    break
                }
                offset += written
            }
        }
        if failure == 0, fsync(fd) != 0 { failure = errno }
        if close(fd) != 0, failure == 0 { failure = errno }
        if failure != 0 {
            unlink(path)
            throw CLIError.rejected("cannot write \(path): \(String(cString: strerror(failure))); no key was written")
        }
    }

    /// `--key FILE`, else `$THIDUA_KEY` (an empty one counts as unset).
    static func path(_ option: String?) throws -> String {
        if let option {
            guard !option.isEmpty else { throw CLIError.usage("--key needs the path of a private key file") }
            return option
        }
        guard let path = ProcessInfo.processInfo.environment["THIDUA_KEY"], !path.isEmpty else {
            throw CLIError.usage("which key signs? pass --key FILE (made by thidua key generate) or set THIDUA_KEY")
        }
        return path
    }

    /// Reads a key file, refusing one that is not a regular file, that group or others may read or write,
    /// or that is not exactly what `thidua key generate` writes.
    static func load(_ path: String) throws -> SigningKey {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOCTTY)
        guard fd >= 0 else { throw CLIError.rejected("cannot read the key file \(path): \(String(cString: strerror(errno)))") }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { throw CLIError.rejected("cannot read the key file \(path): \(String(cString: strerror(errno)))") }
        guard info.st_mode & S_IFMT == S_IFREG else { throw CLIError.rejected("the key file \(path) is not a regular file") }
        let mode = info.st_mode & 0o777
        guard mode & 0o077 == 0 else {
            throw CLIError.rejected("the key file \(path) has mode \(String(mode, radix: 8).leftPadded(4)): others may read it; "
                + "run chmod 600 \(path) if no one else has had it, else generate a new key [\(ThiDuaError.Code.keyFileExposed)]")
        }
        var bytes = [UInt8](repeating: 0, count: maximumBytes + 1)
        var count = 0
        while count < bytes.count {
            let got = bytes.withUnsafeMutableBytes { read(fd, $0.baseAddress! + count, $0.count - count) }
            if got < 0 {
                if errno == EINTR { continue }
                throw CLIError.rejected("cannot read the key file \(path): \(String(cString: strerror(errno)))")
            }
            if got == 0 { break }
            count += got
        }
        guard count <= maximumBytes, let text = String(validating: bytes[..<count], as: UTF8.self) else {
            throw CLIError.rejected("\(path) is not a thidua private key file [\(ThiDuaError.Code.badKeyFile)]")
        }
        do {
            return try SigningKey(fileText: text)
        } catch {
            throw CLIError.rejected("\(path): \(error.reason)\(error.hint.map { "; \($0)" } ?? "") [\(error.code)]")
        }
    }
}

private extension String {
    func leftPadded(_ width: Int) -> String { count >= width ? self : String(repeating: "0", count: width - count) + self }
}

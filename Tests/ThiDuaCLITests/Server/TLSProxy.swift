import Foundation
import Testing

/// nginx terminating TLS in front of a `thidua serve`, configured as the README's section on running it for real, with a
/// certificate for `localhost` and 127.0.0.1 made by `openssl` for the test; and a plain port that redirects to it.
/// Where nginx or openssl is missing the tests skip, saying why; where `CI` is set (`.ci/run` installs them) they run.
final class TLSProxy: @unchecked Sendable {
    static let nginx = ["nginx"].compactMap { Browser.executable($0) ?? ["/usr/sbin/nginx"].first(where: FileManager.default.isExecutableFile) }.first
    static let openssl = Browser.executable("openssl")
    static let runs = (nginx != nil && openssl != nil) || Browser.required
    static let reason: Comment = "needs nginx and openssl (Debian: nginx, openssl)"

    let tlsPort: Int
    let plainPort: Int
    let certificate: String
    private let process: Process

    var https: String { "https://localhost:\(tlsPort)" }

    init(_ cli: Thidua, backend: Int) throws {
        let nginx = try #require(Self.nginx, "CI is set but nginx is missing; .ci/run installs it")
        let openssl = try #require(Self.openssl, "CI is set but openssl is missing; .ci/run installs it")
        let folder = cli.path("nginx")
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        certificate = folder + "/cert.pem"
        let made = try Thidua.capture(openssl, ["req", "-x509", "-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes",
                                                "-keyout", folder + "/key.pem", "-out", certificate, "-days", "2", "-subj", "/CN=localhost",
                                                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1"])
        try #require(made.status == 0, "openssl: \(made)")
        tlsPort = Self.freePort()
        plainPort = Self.freePort()
        let configuration = """
        daemon off;
        master_process off;
        pid \(folder)/nginx.pid;
        error_log \(folder)/error.log;
        events {}
        http {
            access_log off;
            client_body_temp_path \(folder)/body;
            proxy_temp_path \(folder)/proxy;
            fastcgi_temp_path \(folder)/fastcgi;
            uwsgi_temp_path \(folder)/uwsgi;
            scgi_temp_path \(folder)/scgi;
            server {
                listen 127.0.0.1:\(tlsPort) ssl;
                server_name localhost;
                ssl_certificate     \(certificate);
                ssl_certificate_key \(folder)/key.pem;
                client_max_body_size 16m;
                location / {
                    proxy_pass http://127.0.0.1:\(backend);
                    proxy_http_version 1.1;
                    proxy_set_header Host $host;
                    proxy_set_header X-Forwarded-For $proxy_add_x_forwarded_for;
                    proxy_set_header X-Forwarded-Proto https;
                    proxy_buffering off;
                    proxy_read_timeout 1h;
                }
            }
            server {
                listen 127.0.0.1:\(plainPort);
                server_name localhost;
                return 301 https://localhost:\(tlsPort)$request_uri;
            }
        }
        """
        try Data(configuration.utf8).write(to: URL(fileURLWithPath: folder + "/nginx.conf"))
        process = Process()
        process.executableURL = URL(fileURLWithPath: nginx)
        process.arguments = ["-p", folder, "-c", folder + "/nginx.conf", "-e", folder + "/error.log"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(20)
        while !Self.listening(tlsPort) || !Self.listening(plainPort) {
            guard process.isRunning, Date() < deadline else {
                stop()
                let log = (try? String(contentsOfFile: folder + "/error.log", encoding: .utf8)) ?? ""
                throw ServerProcess.ServerFailure(message: "nginx did not start: \(log)")
            }
            Thread.sleep(forTimeInterval: 0.05)
        }
    }

    func stop() {
        if process.isRunning { kill(process.processIdentifier, SIGTERM) }
        let deadline = Date().addingTimeInterval(10)
        while process.isRunning, Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        if process.isRunning { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
    }

    deinit { if process.isRunning { kill(process.processIdentifier, SIGKILL); process.waitUntilExit() } }

    /// A loopback port nothing listens on now (the kernel's choice for a socket bound to port 0).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    static func listening(_ port: Int) -> Bool {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_port = UInt16(port).bigEndian
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        return withUnsafePointer(to: &address) {
            $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
        } == 0
    }
}

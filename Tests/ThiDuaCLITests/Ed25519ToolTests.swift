import Foundation
import Testing
import ThiDuaTestSupport
import ThiDuaLog

/// Tools/ed25519.py, the auditor's Ed25519 verifier, against RFC 8032's test vectors and thidua's own signatures:
/// its standard-library path, its `cryptography` path where installed, and swift-crypto give the same verdicts.
@Suite("Tools/ed25519.py agrees with RFC 8032 and with thidua")
struct Ed25519ToolTests {
    struct Vector: Sendable, CustomStringConvertible {
        var name, seed, publicKey, message, signature: String
        var description: String { name }
    }

    /// RFC 8032 §7.1: TEST 1, 2, 3 and 1024 (a 1023-byte message).
    static let rfc8032 = [
        Vector(name: "TEST 1", seed: "9d61b19deffd5a60ba844af492ec2cc44449c5697b326919703bac031cae7f60",
               publicKey: "d75a980182b10ab7d54bfed3c964073a0ee172f3daa62325af021a68f707511a", message: "",
               signature: "e5564300c360ac729086e2cc806e828a84877f1eb8e5d974d873e065224901555fb8821590a33bacc61e39701cf9b46bd25bf5f0595bbe24655141438e7a100b"),
        Vector(name: "TEST 2", seed: "4ccd089b28ff96da9db6c346ec114e0f5b8a319f35aba624da8cf6ed4fb8a6fb",
               publicKey: "3d4017c3e843895a92b70aa74d1b7ebc9c982ccf2ec4968cc0cd55f12af4660c", message: "72",
               signature: "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00"),
        Vector(name: "TEST 3", seed: "c5aa8df43f9f837bedb7442f31dcb7b166d38535076f094b85ce3a2e0b4458f7",
               publicKey: "fc51cd8e6218a1a38da47ed00230f0580816ed13ba3303ac5deb911548908025", message: "af82",
               signature: "6291d657deec24024827e69c3abe01a30ce548a284743a445e3680d7db5ac3ac18ff9b538d16f290ae67f760984dc6594a7c15e9716ed28dc027beceea1ec40a"),
        Vector(name: "TEST 1024", seed: "f5e5767cf153319517630f226876b86c8160cc583bc013744c6bf255f5cc0ee5",
               publicKey: "278117fc144c72340f67d0f2316e8386ceffbf2b2428c9c51fef7c597f1d426e",
               message: """
                   08b8b2b733424243760fe426a4b54908632110a66c2f6591eabd3345e3e4eb98fa6e264bf09efe12ee50f8f54e9f77b1e355f6c50544e23fb1433ddf73be84d8\
                   79de7c0046dc4996d9e773f4bc9efe5738829adb26c81b37c93a1b270b20329d658675fc6ea534e0810a4432826bf58c941efb65d57a338bbd2e26640f89ffbc\
                   1a858efcb8550ee3a5e1998bd177e93a7363c344fe6b199ee5d02e82d522c4feba15452f80288a821a579116ec6dad2b3b310da903401aa62100ab5d1a36553e\
                   06203b33890cc9b832f79ef80560ccb9a39ce767967ed628c6ad573cb116dbeffefd75499da96bd68a8a97b928a8bbc103b6621fcde2beca1231d206be6cd9ec\
                   7aff6f6c94fcd7204ed3455c68c83f4a41da4af2b74ef5c53f1d8ac70bdcb7ed185ce81bd84359d44254d95629e9855a94a7c1958d1f8ada5d0532ed8a5aa3fb\
                   2d17ba70eb6248e594e1a2297acbbb39d502f1a8c6eb6f1ce22b3de1a1f40cc24554119a831a9aad6079cad88425de6bde1a9187ebb6092cf67bf2b13fd65f27\
                   088d78b7e883c8759d2c4f5c65adb7553878ad575f9fad878e80a0c9ba63bcbcc2732e69485bbc9c90bfbd62481d9089beccf80cfe2df16a2cf65bd92dd597b0\
                   7e0917af48bbb75fed413d238f5555a7a569d80c3414a8d0859dc65a46128bab27af87a71314f318c782b23ebfe808b82b0ce26401d2e22f04d83d1255dc51ad\
                   dd3b75a2b1ae0784504df543af8969be3ea7082ff7fc9888c144da2af58429ec96031dbcad3dad9af0dcbaaaf268cb8fcffead94f3c7ca495e056a9b47acdb75\
                   1fb73e666c6c655ade8297297d07ad1ba5e43f1bca32301651339e22904cc8c42f58c30c04aafdb038dda0847dd988dcda6f3bfd15c4b4c4525004aa06eeff8c\
                   a61783aacec57fb3d1f92b0fe2fd1a85f6724517b65e614ad6808d6f6ee34dff7310fdc82aebfd904b01e1dc54b2927094b2db68d6f903b68401adebf5a7e08d\
                   78ff4ef5d63653a65040cf9bfd4aca7984a74d37145986780fc0b16ac451649de6188a7dbdf191f64b5fc5e2ab47b57f7f7276cd419c17a3ca8e1b939ae49e48\
                   8acba6b965610b5480109c8b17b80e1b7b750dfc7598d5d5011fd2dcc5600a32ef5b52a1ecc820e308aa342721aac0943bf6686b64b2579376504ccc493d97e6\
                   aed3fb0f9cd71a43dd497f01f17c0e2cb3797aa2a2f256656168e6c496afc5fb93246f6b1116398a346f1a641f3b041e989f7914f90cc2c7fff357876e506b50\
                   d334ba77c225bc307ba537152f3f1610e4eafe595f6d9d90d11faa933a15ef1369546868a7f3a45a96768d40fd9d03412c091c6315cf4fde7cb68606937380db\
                   2eaaa707b4c4185c32eddcdd306705e4dc1ffc872eeee475a64dfac86aba41c0618983f8741c5ef68d3a101e8a3b8cac60c905c15fc910840b94c00a0b9d00
                   """,
               signature: "d686294b743c6760c6a78a2c4c2fc76115c2600b8f083acde59e7cee32578c0f59ea4219ab9b5896795e4e2b87a30270aa0e3099eee944e9e67a1b22df41ff07"),
    ]

    struct Case: Sendable {
        var publicKey: [UInt8], message: [UInt8], signature: [UInt8]
        var json: String {
            #"{"publicKey":"\#(EventHashing.hex(publicKey))","message":"\#(EventHashing.hex(message))","signature":"\#(EventHashing.hex(signature))"}"#
        }
        var swiftVerdict: Bool { (try? EventSignature(publicKey: publicKey, value: signature))?.isValid(over: message) ?? false }
    }

    /// Runs Tools/ed25519.py with `input` on standard input; its exit status and the lines it printed.
    static func tool(_ arguments: [String], input: String = "") throws -> (Int32, [String]) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", Thidua.packageRoot.appendingPathComponent("Tools/ed25519.py").path] + arguments
        let out = Pipe(), inPipe = Pipe()
        process.standardOutput = out
        process.standardError = FileHandle.nullDevice
        process.standardInput = inPipe
        try process.run()
        inPipe.fileHandleForWriting.write(Data(input.utf8))
        try inPipe.fileHandleForWriting.close()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self).split(separator: "\n").map(String.init))
    }

    /// The verdicts of the pure-Python path and of the default path (`cryptography` when installed), in order.
    static func pythonVerdicts(_ cases: [Case]) throws -> [[Bool]] {
        let input = cases.map(\.json).joined(separator: "\n") + "\n"
        return try [["--pure", "verify"], ["verify"]].map { arguments in
            let (status, lines) = try tool(arguments, input: input)
            #expect(status == 0)
            return lines.map { $0 == "valid" }
        }
    }

    static func bytes(_ hex: String) -> [UInt8] { EventHashing.bytes(hex: hex) ?? [] }

    @Test func rfc8032VectorsVerify() throws {
        let cases = Self.rfc8032.map { Case(publicKey: Self.bytes($0.publicKey), message: Self.bytes($0.message), signature: Self.bytes($0.signature)) }
        #expect(cases[3].message.count == 1023)
        for verdicts in try Self.pythonVerdicts(cases) { #expect(verdicts == [true, true, true, true]) }
        #expect(cases.map(\.swiftVerdict) == [true, true, true, true])
    }

    @Test(arguments: rfc8032) func rfc8032SignaturesAreReproduced(vector: Vector) throws {
        let (status, lines) = try Self.tool(["sign", vector.seed, vector.message])
        #expect(status == 0)
        #expect(lines == ["\(vector.publicKey) \(vector.signature)"])
        let key = try SigningKey(holder: "BNCTW", seed: Self.bytes(vector.seed))
        #expect(EventHashing.hex(key.publicKey) == vector.publicKey)
        #if os(Linux)
        #expect(EventHashing.hex(try key.signature(over: Self.bytes(vector.message)).value) == vector.signature)
        #endif
    }

    @Test func thiduaSignaturesAndTheirTampersAgree() throws {
        var cases: [Case] = [], expected: [Bool] = []
        for index in 0..<4 {
            let key = try SigningKey(generatingFor: "BNCTW")
            let message = Array("4:BDTW,4:2017,15:score.submitted,1:1,5:BNCTW,\(index):".utf8) + (0..<index * 97).map { UInt8(truncatingIfNeeded: $0 * 31) }
            let signature = try key.signature(over: message)
            let valid = Case(publicKey: key.publicKey, message: message, signature: signature.value)
            cases.append(valid); expected.append(true)
            var flipped = valid
            flipped.message[index % message.count] ^= 0x04
            cases.append(flipped); expected.append(false)
            flipped = valid
            flipped.publicKey[(index * 7) % 32] ^= 0x01
            cases.append(flipped); expected.append(false)
            flipped = valid
            flipped.signature[(index * 17) % 64] ^= 0x80
            cases.append(flipped); expected.append(false)
            flipped = valid
            flipped.signature = SignatureArithmetic.addingGroupOrder(toS: valid.signature)
            cases.append(flipped); expected.append(false)
        }
        #expect(cases.map(\.swiftVerdict) == expected)
        for verdicts in try Self.pythonVerdicts(cases) { #expect(verdicts == expected) }
    }

    /// With the identity as public key, R = the identity and S = 0 satisfy [S]B = R + [h]A for every message: a forgery
    /// that plain RFC 8032 verification accepts. thidua and ed25519.py refuse every weak key alike.
    @Test func weakKeysAreRefusedByEveryVerifier() throws {
        let weak = [
            "0100000000000000000000000000000000000000000000000000000000000000",
            "eeffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
            "0000000000000000000000000000000000000000000000000000000000000000",
            "26e8958fc2b227b045c3f489f2ef98f0d5dfac05d3c63339b13802886d53fc05",
            "ecffffffffffffffffffffffffffffffffffffffffffffffffffffffffffff7f",
        ]
        let forged = Self.bytes(weak[0]) + [UInt8](repeating: 0, count: 32)
        let cases = weak.map { Case(publicKey: Self.bytes($0), message: Array("any message".utf8), signature: forged) }
        #expect(cases.map(\.swiftVerdict) == Array(repeating: false, count: cases.count))
        for verdicts in try Self.pythonVerdicts(cases) { #expect(verdicts == Array(repeating: false, count: cases.count)) }
        let script = "import sys; sys.path.insert(0, sys.argv[1]); import ed25519; "
            + "print(ed25519.verify_pure(bytes.fromhex(sys.argv[2]), b'any message', bytes.fromhex(sys.argv[3])))"
        let raw = try Thidua.capture("/usr/bin/env", ["python3", "-c", script, Thidua.packageRoot.appendingPathComponent("Tools").path,
                                                      weak[0], EventHashing.hex(forged)])
        #expect(raw.stdout == "True\n", "without the weak-key check the forgery verifies")
    }

    @Test func signingMdsExampleChecksWithTheStandardLibrary() throws {
        let script = """
            import base64, sys
            sys.path.insert(0, sys.argv[1])
            import ed25519
            message = ed25519.signing_bytes("BDTW", 2017, "score.submitted", 1, "BNCTW", "2018-01-10T08:00:00+07:00",
                                            "0b7e5f5c-3c1a-4f5e-9a7e-2d6f1c0a9b31", None,
                                            '{"criterion":"1.1","member":"BNCTW","points":18.5}')
            seed = bytes(range(32))
            public = ed25519.public_key(seed)
            signature = ed25519.sign(seed, message)
            print(message.hex())
            print(base64.b64encode(public).decode(), ed25519.fingerprint(public))
            print(base64.b64encode(signature).decode(), ed25519.verify_pure(public, message, signature))
            """
        let result = try Thidua.capture("/usr/bin/env", ["python3", "-c", script, Thidua.packageRoot.appendingPathComponent("Tools").path])
        #expect(result.status == 0, "\(result)")
        #expect(result.stdout.split(separator: "\n").map(String.init) == [
            "343a424454572c343a323031372c31353a73636f72652e7375626d69747465642c313a312c353a424e4354572c32353a323031382d30312d31305430383a30303a30302b30373a30302c33363a30623765356635632d336331612d346635652d396137652d3264366631633061396233312c303a2c35303a7b22637269746572696f6e223a22312e31222c226d656d626572223a22424e435457222c22706f696e7473223a31382e357d2c",
            "A6EHv/POEL4dcN0Y50vAmWfk1jCbpQ1fHdyGZBJVMbg= 56475aa75463474c",
            "Xjdtm2cXaoStlcjAqFRRtAsPMd6NSKmKz9AMkSiDzo+7RKSoGl44zQc8spTbvONz397uExqrzH728nVb655hAQ== True",
        ])
    }
}

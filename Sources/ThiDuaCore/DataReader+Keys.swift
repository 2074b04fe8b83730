import ThiDuaLog

extension DataReader {
    /// Who holds a key: a member code, or `secretariat`.
    mutating func holder(_ name: String) throws(ThiDuaError) -> String {
        let text = try requiredText(name)
        return text == Text.secretariat ? text : try Text.code(text, field: "data.\(name)")
    }

    /// A public key: strict base64 of 32 bytes, not weak (`bad-signature` with the problem otherwise).
    mutating func publicKey(_ name: String) throws(ThiDuaError) -> [UInt8] {
        try EventSignature.publicKey(base64: try requiredText(name), field: "data.\(name)")
    }
}

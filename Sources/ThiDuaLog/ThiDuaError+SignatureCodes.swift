/// Refusals of signatures and signing keys (EventLog/SIGNING.md).
extension ThiDuaError.Code {
    /// A signature that is malformed or does not prove its event's actor; the reason names an `EventSignature.Problem`.
    public static let badSignature = Self("bad-signature")
    /// A private key file that is not one line `thidua-ed25519-private-key v1 HOLDER BASE64`.
    public static let badKeyFile = Self("bad-key-file")
}

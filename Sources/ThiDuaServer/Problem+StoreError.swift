import Hummingbird
import ThiDuaCore
import ThiDuaLog
import ThiDuaStore

/// The one place that turns the project's errors into HTTP statuses (§12).
extension Problem {
    /// 400 for a line that is not a valid event, 401 for a signature missing or wrong, 409 for a conflict with what
    /// is recorded (expectedVersion, a reused id), 422 for a refusal by the rules, 503 when the log cannot be used.
    package init(_ error: StoreError) {
        switch error {
        case .rejected(let refusal): self.init(Self.status(of: refusal.code), refusal)
        case .noBloc(let reason): self.init(.notFound, code: .notFound, detail: reason)
        case .altered(let position, let rule):
            self.init(.internalServerError, code: .altered, detail: error.description, hint: "position \(position): \(rule.code)")
        case .documentAltered(let sha256):
            self.init(.internalServerError, code: .altered, detail: error.description, hint: "evidence \(sha256)")
        case .noLog, .notALog, .needsUpgrade, .damaged, .database:
            self.init(.serviceUnavailable, code: .unavailable, detail: error.description)
        }
    }

    static func status(of code: ThiDuaError.Code) -> HTTPResponse.Status {
        if authentication.contains(code) { return .unauthorized }
        if conflicts.contains(code) { return .conflict }
        if malformed.contains(code) { return .badRequest }
        if code == .tooLarge { return .contentTooLarge }
        if code == .noSuchEvidence { return .notFound }
        return .unprocessableContent
    }

    /// What a line must be before any rule looks at it (EventLog/EVENTS.md, "Refusals of a line").
    static let malformed: Set<ThiDuaError.Code> = [
        .badCode, .badId, .badTimestamp, .badVersion, .badYear, .bidiControl, .controlCharacter, .lineTooLong, .malformedJson,
        .missingField, .multiLineText, .notNfc, .streamMismatch, .tabInText, .textTooLong, .unexpectedField, .unknownField,
        .unknownSchema, .unknownType, .wrongType, .badStream, .noEvents, .badParameter,
    ]

    /// The signature is the authentication: none where one is required, or one that does not prove the actor.
    static let authentication: Set<ThiDuaError.Code> = [.signatureRequired, .badSignature, .unsigned]

    static let conflicts: Set<ThiDuaError.Code> = [.conflict, .idReused]
}

import ThiDuaCore
import ThiDuaJSON
import ThiDuaLog

/// What `verify` found as a document: `thidua verify --format json` prints it and the server's `GET /v1/verify`
/// answers it; `init(json:)` reads it back, so `thidua --server URL verify` prints every line the local one prints.
extension VerifyReport {
    package var json: JSON {
        var fields: JSONObject = [
            "intact": .bool(isIntact),
            "rows": JSON(Int(rows)),
            "integrity": .array(integrity.map(JSON.string)),
            "missingTriggers": .array(missingTriggers.map(JSON.string)),
            "schemaProblems": .array(schemaProblems.map(JSON.string)),
            "projectionProblems": .array(projectionProblems.map(JSON.string)),
            "outdatedSnapshots": .array(outdatedSnapshots.map(JSON.string)),
            "citedDocuments": JSON(citedDocuments),
        ]
        if let head { fields["head"] = YearDocument.digest(position: head.position, hash: head.hash) }
        if let firstBad { fields["chainBroken"] = .object(["position": JSON(Int(firstBad.position)), "reason": .string(firstBad.reason)]) }
        if let ruleBreak {
            let rule = ruleBreak.rule
            var broken: JSONObject = ["position": JSON(Int(ruleBreak.position)), "code": .string(rule.code.rawValue),
                                      "detail": .string(rule.description), "reason": .string(rule.reason)]
            if let eventType = rule.eventType { broken["eventType"] = .string(eventType) }
            if let line = rule.line { broken["line"] = JSON(line) }
            if let field = rule.field { broken["field"] = .string(field) }
            if let hint = rule.hint { broken["hint"] = .string(hint) }
            fields["ruleBroken"] = .object(broken)
        }
        if let evidenceBreak {
            fields["evidenceBroken"] = .object(["position": JSON(Int(evidenceBreak.position)), "reason": .string(evidenceBreak.reason)])
        }
        if let digest { fields["digest"] = .object(["position": JSON(Int(digest.position)), "matches": .bool(digest.matches)]) }
        return .object(fields)
    }

    /// The report a document describes; nil when it is not one.
    package init?(json: JSON) {
        guard let f = json.objectValue, let rows = f["rows"]?.numberValue?.intValue else { return nil }
        let texts = { (name: String) -> [String]? in
            guard let items = f[name]?.arrayValue else { return nil }
            let strings = items.compactMap(\.stringValue)
            return strings.count == items.count ? strings : nil
        }
        guard let integrity = texts("integrity"), let missingTriggers = texts("missingTriggers"), let schemaProblems = texts("schemaProblems"),
              let projectionProblems = texts("projectionProblems"), let outdatedSnapshots = texts("outdatedSnapshots") else { return nil }
        self.init()
        self.rows = Int64(rows)
        self.integrity = integrity
        self.missingTriggers = missingTriggers
        self.schemaProblems = schemaProblems
        self.projectionProblems = projectionProblems
        self.outdatedSnapshots = outdatedSnapshots
        citedDocuments = f["citedDocuments"]?.numberValue?.intValue ?? 0
        let positioned = { (name: String) -> (position: Int64, fields: JSONObject)? in
            guard let object = f[name]?.objectValue, let position = object["position"]?.numberValue?.intValue else { return nil }
            return (Int64(position), object)
        }
        if let (position, h) = positioned("head") {
            guard let hash = h["hash"]?.stringValue.flatMap(EventHashing.bytes(hex:)) else { return nil }
            head = (position, hash)
        }
        if let (position, bad) = positioned("chainBroken") { firstBad = (position, bad["reason"]?.stringValue ?? "") }
        if let (position, r) = positioned("ruleBroken") {
            guard let code = r["code"]?.stringValue else { return nil }
            let rule = ThiDuaError(code: ThiDuaError.Code(rawValue: code), eventType: r["eventType"]?.stringValue,
                                   line: r["line"]?.numberValue?.intValue, field: r["field"]?.stringValue,
                                   reason: r["reason"]?.stringValue ?? r["detail"]?.stringValue ?? "", hint: r["hint"]?.stringValue)
            ruleBreak = (position, rule)
        }
        if let (position, e) = positioned("evidenceBroken") { evidenceBreak = (position, e["reason"]?.stringValue ?? "") }
        if let (position, d) = positioned("digest") {
            guard case .bool(let matches)? = d["matches"] else { return nil }
            digest = (position, matches)
        }
    }
}

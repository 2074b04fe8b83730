import ThiDuaJSON

extension Registration {
    /// `{"member","name","targets","titlesSought"}`
    public func json(member: Member) -> JSON {
        .object(["member": .string(member.code), "name": .string(member.name), "targets": .array(targets.map(JSON.string)),
                 "titlesSought": .array(titlesSought.map { .string($0.rawValue) })])
    }
}

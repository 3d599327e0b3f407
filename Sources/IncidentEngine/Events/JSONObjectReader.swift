/// Reads the fields of one JSON object strictly: each expected field once,
/// with its type checked, and nothing else.
///
/// Strictness is deliberate: a journal line that carries a field vakt does
/// not know was not written by vakt, and must not be silently accepted.
struct JSONObjectReader {
    let members: [(key: String, value: JSONValue)]
    /// The path of this object for error messages (`data`), empty at the top.
    let path: String
    /// Bit i set: member i was read. Objects of more than 64 members are refused.
    private var used: UInt64 = 0

    init(_ value: JSONValue, path: String) throws(EventDecodingError) {
        guard case .object(let members) = value else {
            throw .notAnObject(field: path.isEmpty ? "record" : path, found: value.typeName)
        }
        guard members.count <= 64 else {
            throw .invalidValue(field: path.isEmpty ? "record" : path, reason: "has too many fields")
        }
        self.members = members
        self.path = path
    }

    func name(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

    private mutating func value(_ key: String) -> JSONValue? {
        for index in members.indices where members[index].key == key {
            used |= 1 << UInt64(index)
            return members[index].value
        }
        return nil
    }

    mutating func optionalString(_ key: String) throws(EventDecodingError) -> String? {
        guard let value = value(key) else { return nil }
        guard case .string(let text) = value else {
            throw .wrongType(field: name(key), expected: "a string", found: value.typeName)
        }
        return text
    }

    mutating func string(_ key: String) throws(EventDecodingError) -> String {
        guard let text = try optionalString(key) else { throw .missingField(name(key)) }
        return text
    }

    /// A string that must not be empty (ids, hashes, required texts).
    mutating func nonEmptyString(_ key: String) throws(EventDecodingError) -> String {
        let text = try string(key)
        guard !text.isEmpty else { throw .invalidValue(field: name(key), reason: "must not be empty") }
        return text
    }

    mutating func optionalInt(_ key: String) throws(EventDecodingError) -> Int? {
        guard let value = value(key) else { return nil }
        guard case .int(let number) = value else {
            throw .wrongType(field: name(key), expected: "an integer", found: value.typeName)
        }
        guard let int = Int(exactly: number) else {
            throw .invalidValue(field: name(key), reason: "is out of range")
        }
        return int
    }

    mutating func int(_ key: String) throws(EventDecodingError) -> Int {
        guard let number = try optionalInt(key) else { throw .missingField(name(key)) }
        return number
    }

    /// An integer of at least `minimum` (sequence numbers, 1-based positions).
    mutating func int(_ key: String, atLeast minimum: Int) throws(EventDecodingError) -> Int {
        let number = try int(key)
        guard number >= minimum else {
            throw .invalidValue(field: name(key), reason: "must be at least \(minimum), found \(number)")
        }
        return number
    }

    mutating func optionalBool(_ key: String) throws(EventDecodingError) -> Bool? {
        guard let value = value(key) else { return nil }
        guard case .bool(let flag) = value else {
            throw .wrongType(field: name(key), expected: "a boolean", found: value.typeName)
        }
        return flag
    }

    mutating func bool(_ key: String) throws(EventDecodingError) -> Bool {
        guard let flag = try optionalBool(key) else { throw .missingField(name(key)) }
        return flag
    }

    mutating func timestamp(_ key: String) throws(EventDecodingError) -> Timestamp {
        let text = try string(key)
        guard let time = Timestamp(rfc3339: text) else { throw .invalidTimestamp(field: name(key), text: text) }
        return time
    }

    mutating func object(_ key: String) throws(EventDecodingError) -> JSONValue {
        guard let value = value(key) else { throw .missingField(name(key)) }
        return value
    }

    /// Fails on any member that no read asked for (an unknown or repeated key).
    func finish() throws(EventDecodingError) {
        let all: UInt64 = members.count == 64 ? ~0 : (1 << UInt64(members.count)) - 1
        guard used != all else { return }
        for index in members.indices where used & (1 << UInt64(index)) == 0 {
            let key = members[index].key
            if members[..<index].contains(where: { $0.key == key }) {
                throw .invalidValue(field: name(key), reason: "appears twice")
            }
            throw .unexpectedField(name(key))
        }
    }
}

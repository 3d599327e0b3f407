import IncidentEngine

/// An incident's name on disk and on the command line: `20261129-ransomware-7k3`.
///
/// Short enough to type from a phone call, readable in a listing (the date and
/// the playbook say what it was), and unique thanks to three random base-36
/// characters; the store also refuses to reuse a folder that exists.
public struct IncidentID: Hashable, Comparable, Sendable, CustomStringConvertible {
    public let rawValue: String

    /// Accepts only names the store could have made (no `/`, `..`, spaces).
    public init?(_ text: String) {
        guard Self.isValid(text) else { return nil }
        rawValue = text
    }

    /// A new ID for a playbook opened at `date` (its local calendar day).
    public static func make<Random: RandomNumberGenerator>(
        playbookID: String, date: Timestamp, using random: inout Random
    ) -> IncidentID {
        let alphabet = Array("0123456789abcdefghijklmnopqrstuvwxyz")
        let c = date.components
        let day = String.padded(c.year, width: 4) + String.padded(c.month, width: 2) + String.padded(c.day, width: 2)
        let suffix = String((0..<3).map { _ in alphabet[Int(random.next(upperBound: UInt64(36)))] })
        let slug = Self.slug(playbookID)
        return IncidentID(unchecked: "\(day)-\(slug)-\(suffix)")
    }

    private init(unchecked: String) {
        rawValue = unchecked
    }

    public var description: String { rawValue }

    /// Midnight (UTC) of the calendar day in the ID's `YYYYMMDD-` prefix: the
    /// local day it was opened on. Nil for a name without such a prefix.
    var day: Timestamp? {
        let prefix = Array(rawValue.utf8.prefix(9))
        let digit = UInt8(ascii: "0")...UInt8(ascii: "9")
        guard prefix.count == 9, prefix[8] == UInt8(ascii: "-"), prefix[..<8].allSatisfy(digit.contains) else {
            return nil
        }
        func number(_ range: Range<Int>) -> Int { prefix[range].reduce(0) { $0 * 10 + Int($1 - digit.lowerBound) } }
        return Timestamp(year: number(0..<4), month: number(4..<6), day: number(6..<8))
    }

    public static func < (lhs: IncidentID, rhs: IncidentID) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Lower-case ASCII letters, digits and `-`, starting with a digit or letter.
    static func isValid(_ text: String) -> Bool {
        guard let first = text.utf8.first, text.utf8.count <= 120 else { return false }
        guard isAlphanumeric(first) else { return false }
        return text.utf8.allSatisfy { isAlphanumeric($0) || $0 == UInt8(ascii: "-") }
    }

    /// A playbook id is already `[a-z0-9][a-z0-9-]*`; anything else is folded to that shape.
    static func slug(_ playbookID: String) -> String {
        let folded = playbookID.lowercased().utf8.map { isAlphanumeric($0) ? Character(Unicode.Scalar($0)) : "-" }
        let text = String(folded.prefix(40)).trimmingDashes()
        return text.isEmpty ? "incident" : text
    }

    private static func isAlphanumeric(_ byte: UInt8) -> Bool {
        (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(byte) || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(byte)
    }
}

private extension String {
    /// `value` in decimal, left-padded with zeros to `width` digits.
    static func padded(_ value: Int, width: Int) -> String {
        let digits = String(value)
        return String(repeating: "0", count: Swift.max(0, width - digits.count)) + digits
    }

    func trimmingDashes() -> String {
        var text = Substring(self)
        while text.first == "-" { text.removeFirst() }
        while text.last == "-" { text.removeLast() }
        return String(text)
    }
}

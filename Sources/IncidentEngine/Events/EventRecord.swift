/// One record of an incident's journal: an event in its envelope.
///
/// JSON shape (one object per line; keys always in this order):
///
/// ```
/// {"seq":3,"occurred":"2026-11-29T03:10:00.000+01:00","recorded":"2026-11-29T03:12:41.207+01:00",
///  "actor":"kari","kind":"step_completed","data":{"step":"triage","note":"PC-114 og PC-120"},
///  "prev":"<64 hex>","hash":"<64 hex>"}
/// ```
///
/// - `seq`: integer, 1 for the first record, +1 for each next one.
/// - `occurred`, `recorded`: RFC 3339 strings, always with milliseconds and
///   the UTC offset (`Z` when the offset is zero), as `Timestamp.rfc3339`
///   writes them. `occurred` may be earlier than `recorded` (back-dated).
/// - `actor`: who did it (non-empty string).
/// - `kind`: an `EventKind` raw value (`incident_opened`, `step_completed`, …).
/// - `data`: an object, possibly empty (`{}`), fields in the order
///   `IncidentEvent.data` lists them. Optional fields are absent, never null;
///   a `lesson` flag is present only when true. Values are strings,
///   integers and booleans only (no floating point, no null).
/// - `prev`: lower-case hex SHA-256 of the previous record (64 zeros for the first).
/// - `hash`: lower-case hex SHA-256 of this record; what exactly it covers
///   (the store's canonical encoding of the record without `hash`) is the
///   store's to define. The engine only carries it.
///
/// Reading is strict: unknown keys, missing keys, wrong types, bad times and
/// unknown kinds are errors (`EventDecodingError`); key order is not checked
/// here (the store's canonical-bytes check covers that).
public struct EventRecord: Sendable, Equatable {
    public var seq: Int
    public var occurred: Timestamp
    public var recorded: Timestamp
    public var actor: String
    public var event: IncidentEvent
    public var prev: String
    public var hash: String

    /// The `prev` of the first record.
    public static let zeroHash = String(repeating: "0", count: 64)

    public init(
        seq: Int, occurred: Timestamp, recorded: Timestamp, actor: String, event: IncidentEvent,
        prev: String = "", hash: String = ""
    ) {
        self.seq = seq
        self.occurred = occurred
        self.recorded = recorded
        self.actor = actor
        self.event = event
        self.prev = prev
        self.hash = hash
    }

    public var kind: EventKind { event.kind }

    /// The record as JSON, keys in the fixed order; without `hash` when
    /// `includingHash` is false (the form a hash is computed over).
    public func toJSON(includingHash: Bool = true) -> JSONValue {
        var members: [(key: String, value: JSONValue)] = [
            ("seq", .int(Int64(seq))),
            ("occurred", .string(occurred.rfc3339)),
            ("recorded", .string(recorded.rfc3339)),
            ("actor", .string(actor)),
            ("kind", .string(event.kind.rawValue)),
            ("data", event.data),
            ("prev", .string(prev)),
        ]
        if includingHash { members.append(("hash", .string(hash))) }
        return .object(members)
    }

    /// Reads a record; `hash` is required unless `requiringHash` is false.
    public init(json: JSONValue, requiringHash: Bool = true) throws(EventDecodingError) {
        var r = try JSONObjectReader(json, path: "")
        seq = try r.int("seq", atLeast: 1)
        occurred = try r.timestamp("occurred")
        recorded = try r.timestamp("recorded")
        actor = try r.nonEmptyString("actor")
        let kind = try r.string("kind")
        event = try IncidentEvent(kind: kind, data: try r.object("data"))
        prev = try Self.hex(&r, "prev")
        if requiringHash || r.members.contains(where: { $0.key == "hash" }) {
            hash = try Self.hex(&r, "hash")
        } else {
            hash = ""
        }
        try r.finish()
    }

    private static func hex(_ r: inout JSONObjectReader, _ key: String) throws(EventDecodingError) -> String {
        let text = try r.string(key)
        guard text.isSHA256Hex else {
            throw .invalidValue(field: key, reason: "must be 64 lower-case hex digits")
        }
        return text
    }
}

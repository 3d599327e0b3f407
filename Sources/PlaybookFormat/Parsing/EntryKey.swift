/// The keys and block kinds the format defines, recognised from their bytes.
///
/// Every entry's key is matched once (by `EntryKey.Table`), so that the
/// decoders switch on a small enum instead of making and comparing a `String`
/// for every line. The key's text is only made when a diagnostic needs it.
enum EntryKey: UInt8 {
    /// A key the format does not define (reported by the decoder that meets it).
    case other
    /// An `x-` key: kept as written, never interpreted.
    case `extension`

    case playbook, title, lang, version, owner, tags, summary, roles, ref, phase, deadline
    case step, role, expect, `do`, check, run, record, ask, notify
    case within, from, until, warn
    case scenario, duration, objectives, inject, at, to, text
    case contacts, contact, phone, email, when, note

    /// True for keys that stand for themselves, so that two equal keys are the same key.
    @inline(__always)
    var isKnown: Bool { self != .other && self != .extension }

    /// A bit of its own for each key (there are fewer than 64), for sets of keys.
    @inline(__always)
    var bit: UInt64 { 1 << UInt64(rawValue) }

    private static let spellings: [(EntryKey, String)] = [
        (.playbook, "playbook"), (.title, "title"), (.lang, "lang"), (.version, "version"), (.owner, "owner"),
        (.tags, "tags"), (.summary, "summary"), (.roles, "roles"), (.ref, "ref"), (.phase, "phase"),
        (.deadline, "deadline"), (.step, "step"), (.role, "role"), (.expect, "expect"), (.do, "do"),
        (.check, "check"), (.run, "run"), (.record, "record"), (.ask, "ask"), (.notify, "notify"),
        (.within, "within"), (.from, "from"), (.until, "until"), (.warn, "warn"), (.scenario, "scenario"),
        (.duration, "duration"), (.objectives, "objectives"), (.inject, "inject"), (.at, "at"), (.to, "to"),
        (.text, "text"), (.contacts, "contacts"), (.contact, "contact"), (.phone, "phone"), (.email, "email"),
        (.when, "when"), (.note, "note"),
    ]

    /// Keys by their bytes: an open-addressing hash table of the keys packed
    /// eight bytes to an integer, so that a lookup is one multiply and usually
    /// one probe. The reader keeps a copy (`shared` is a lazily made global,
    /// and going through its accessor for every line costs a call).
    struct Table {
        static let shared = Table(spellings)

        private var words: [UInt64]
        /// The length of each word's key: with a NUL byte a longer key would pack to the same word.
        private var lengths: [Int]
        private var keys: [EntryKey]
        /// Keys longer than eight bytes (`objectives`), compared byte by byte.
        private var longKeys: [(key: EntryKey, bytes: [UInt8])] = []
        private static let shift: UInt64 = 57  // 128 slots, for about 40 keys

        private init(_ spellings: [(EntryKey, String)]) {
            words = [UInt64](repeating: 0, count: 1 << (64 - Self.shift))
            lengths = [Int](repeating: 0, count: words.count)
            keys = [EntryKey](repeating: .other, count: words.count)
            for (key, spelling) in spellings {
                let bytes = Array(spelling.utf8)
                guard bytes.count <= 8 else {
                    longKeys.append((key, bytes))
                    continue
                }
                let word = bytes.withUnsafeBufferPointer { Self.word($0, from: 0, to: $0.count) }
                var slot = Self.slot(word)
                while words[slot] != 0 { slot = (slot + 1) & (words.count - 1) }
                words[slot] = word
                lengths[slot] = bytes.count
                keys[slot] = key
            }
        }

        /// The key written in `bytes[from..<to]`; `.other` when the format has no such key.
        @inline(__always)
        func key(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> EntryKey {
            let length = to - from
            if length >= 2, bytes[from] == UInt8(ascii: "x"), bytes[from + 1] == UInt8(ascii: "-") {
                return .extension
            }
            guard length > 0, length <= 8 else {
                for long in longKeys where long.bytes.count == length
                    && long.bytes.indices.allSatisfy({ bytes[from + $0] == long.bytes[$0] }) {
                    return long.key
                }
                return .other
            }
            let word = Self.word(bytes, from: from, to: to)
            var slot = Self.slot(word)
            while true {
                let candidate = words[slot]
                if candidate == word { return lengths[slot] == length ? keys[slot] : .other }
                if candidate == 0 { return .other }
                slot = (slot + 1) & (words.count - 1)
            }
        }

        @inline(__always)
        private static func slot(_ word: UInt64) -> Int {
            Int(truncatingIfNeeded: (word &* 0x9E37_79B9_7F4A_7C15) >> shift)
        }

        /// Up to eight bytes packed into one integer, the first byte lowest; the rest are zero.
        @inline(__always)
        private static func word(_ bytes: UnsafeBufferPointer<UInt8>, from: Int, to: Int) -> UInt64 {
            let length = to - from
            if let base = bytes.baseAddress, from + 8 <= bytes.count {
                let raw = UInt64(littleEndian: UnsafeRawPointer(base + from).loadUnaligned(as: UInt64.self))
                return length == 8 ? raw : raw & ((1 << UInt64(length * 8)) - 1)
            }
            var word: UInt64 = 0
            for offset in 0..<length { word |= UInt64(bytes[from + offset]) << UInt64(offset * 8) }
            return word
        }
    }
}

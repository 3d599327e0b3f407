import IncidentEngine
import PlaybookFormat
import Testing
import VaktTestSupport
@testable import IncidentStore

/// The fast reader of journal lines (`JournalLineDecoder` with `EventDataDecoder`)
/// must be only faster than the general one (`JSONParser` then `EventRecord(json:)`):
/// the same record for every line it accepts, and for every other line the
/// general reader's verdict, word for word.
@Suite struct EventDataDecoderTests {
    static let opened = EventSamples.openedAt

    /// Every kind of event with every optional field both ways.
    static let allEvents = EventSamples.all

    /// The events as a chained journal, one line each (without the newline), with
    /// UTC and non-UTC times, back-dated times, and actors that repeat and change.
    static let records: [EventRecord] = {
        var records: [EventRecord] = []
        var previous = EventRecord.zeroHash
        for (index, event) in allEvents.enumerated() {
            let occurred = opened.adding(seconds: index * 61).withOffset(minutes: index % 3 == 0 ? 0 : 60)
            var record = EventRecord(
                seq: index + 1, occurred: occurred, recorded: occurred.adding(milliseconds: Int64(index) * 7_013),
                actor: ["kari", "kari", "ola", "Ingrid Ødegård-Løvland"][index % 4], event: event, prev: previous)
            record.hash = JournalLine.encode(record).hash
            previous = record.hash
            records.append(record)
        }
        return records
    }()

    static let lines: [[UInt8]] = records.map { Array(JournalLine.encode($0).line.dropLast()) }

    @Test func everyKindIsCovered() {
        #expect(Set(Self.allEvents.map(\.kind)) == Set(EventKind.allCases))
    }

    @Test(arguments: zip(records, lines))
    func everyKindIsReadFastIntoTheSameRecord(_ record: EventRecord, _ line: [UInt8]) throws {
        let general = try EventRecord(json: JSONParser.parse(line))
        #expect(general == record)
        for canonical in [false, true] {
            let fast = line.withUnsafeBytes { JournalLineDecoder.decode($0, canonical: canonical) }
            #expect(fast == general, "canonical: \(canonical)")
        }
    }

    @Test func recordsShareTheStringsTheLineBeforeRepeats() throws {
        let buffer = RecordBuffer(capacity: 1)
        for line in Self.lines {
            #expect(line.withUnsafeBytes { JournalLineDecoder.decode($0, appendingTo: buffer) })
        }
        let decoded = [EventRecord](moving: [buffer])
        #expect(decoded == Self.records)
        #expect(buffer.count == 0)
        for index in decoded.indices.dropFirst() {
            #expect(decoded[index].prev == decoded[index - 1].hash)
            #expect(Self.sameStorage(decoded[index].prev, decoded[index - 1].hash))
        }
    }

    /// True when two strings share one buffer (a shared string is not a copy).
    static func sameStorage(_ first: String, _ second: String) -> Bool {
        var first = first
        var second = second
        let a = first.withUTF8 { $0.baseAddress }
        let b = second.withUTF8 { $0.baseAddress }
        return a == b
    }

    /// Mutations that a byte flip rarely finds: values the engine refuses,
    /// other spellings of the same value, keys out of place, another kind's name.
    static let replacements: [(String, String)] = [
        (#":1,"#, #":0,"#), (#":1,"#, #":-1,"#), (#":1,"#, #":01,"#), (#":1,"#, #":1.0,"#),
        (#":2,"#, #":99999999999999999999,"#), (#":2,"#, #":"2","#), (#""item":1"#, #""item":true"#),
        (#""step":"triage""#, #""step":"""#), (#""step":"triage""#, #""step":null"#),
        (#""step":"triage""#, #""step":"tri\u0061ge""#), (#""step":"triage""#, #""step": "triage""#),
        (#""phase":"containment""#, #""phase":"panic""#), (#""reason":"until_skipped""#, #""reason":"later""#),
        (#""reason":"completed""#, #""reason":"done""#), (#""lesson":true"#, #""lesson":false"#),
        (#""lesson":true"#, #""lesson":"yes""#), (#""exercise":false"#, #""exercise":0"#),
        (#""sha256":"ab"#, #""sha256":"AB"#), (#""target":"next""#, #""target":"""#),
        (#"{"step":"#, #"{"colour":"red","step":"#), (#"{"step":"triage""#, #"{"step":"triage","step":"triage""#),
        (#""data":{}"#, #""data":{"x":1}"#), (#""data":{}"#, #""data":[]"#), (#""data":{"#, #""data":{ "#),
        (#".000+01:00""#, #"+01:00""#), (#".000+01:00""#, #".000+01:00 ""#), (#".000Z""#, #".000+00:00""#),
        (#"Z","recorded""#, #"z","recorded""#), (#"T0"#, #"t0"#), (#"T0"#, #" 0"#), (#":00."#, #":60."#),
        (#"-29T"#, #"-31T"#), (#"-11-"#, #"-13-"#), (#""actor":"kari""#, #""actor":"""#),
        (#""actor":"kari""#, #""actor":"k\"ari""#), (#""actor":"kari""#, #""actor":1"#),
        (#""seq":"#, #""seq":0"#), (#""seq":"#, #""seq": "#), (#""prev":""#, #""prev":"A"#),
        (#""hash":""#, #""hash":"0"#), (#","prev""#, #","extra":1,"prev""#),
    ]

    /// The line with each of its values (in the envelope and in `data`) in turn
    /// replaced by the edge cases of its type and by values of other types.
    static func valueVariants(of line: [UInt8]) -> [[UInt8]] {
        let numbers = ["0", "-1", "-0", "01", "1.0", "1e2", #""1""#, "true", "null", " 1", "9223372036854775807",
                       "9223372036854775808", "99999999999999999999"]
        let strings = [#""\u0041""#, #"" ""#, "null", "1", "true", "{}", "[]", #""A""#, "\"\""]
        let bools = ["true", "false", "0", #""true""#, "null"]
        let quote = UInt8(ascii: "\"")
        var variants: [[UInt8]] = []
        var index = 0
        while index + 1 < line.count {
            defer { index += 1 }
            guard line[index] == quote, line[index + 1] == UInt8(ascii: ":") else { continue }
            let start = index + 2
            guard start < line.count else { break }
            var end = start
            let candidates: [String]
            switch line[start] {
            case quote:
                end += 1
                while end < line.count, line[end] != quote {
                    end += line[end] == UInt8(ascii: "\\") ? 2 : 1
                }
                end = min(end + 1, line.count)
                let text = Array(line[start..<end])
                // The same text spelled with an escape first, and with a space added at its end.
                let escaped = [quote] + Array(#"\u0020"#.utf8) + text.dropFirst()
                let padded = Array(text.dropLast()) + Array(#" ""#.utf8)
                variants += [escaped, padded].map { Array(line[..<start]) + $0 + Array(line[end...]) }
                candidates = strings
            case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
                while end < line.count, line[end] == UInt8(ascii: "-") || (UInt8(ascii: "0")...UInt8(ascii: "9")).contains(line[end]) {
                    end += 1
                }
                candidates = numbers
            case UInt8(ascii: "t"), UInt8(ascii: "f"):
                while end < line.count, (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(line[end]) { end += 1 }
                candidates = bools
            default:
                continue  // the data object: its members are visited one by one
            }
            for candidate in candidates {
                variants.append(Array(line[..<start]) + Array(candidate.utf8) + Array(line[end...]))
            }
        }
        return variants
    }

    /// Seeded: random byte edits (flips, quotes, backslashes, braces, spaces,
    /// digits, deletions, insertions), the replacements above, and every other
    /// kind's name in place of the line's own, on every line.
    @Test func mutatedLinesGetTheGeneralReadersVerdict() {
        var generator = SplitMix64(seed: 0x7661_6B74)
        let interesting: [UInt8] = Array(#""\{}[],: 0129aAzZ-+.TtnulfrseÆ"#.utf8) + [0x00, 0x0A, 0x1F, 0x7F, 0xC3, 0xFF]
        var checked = 0
        var fastAccepted = 0
        for (record, line) in zip(Self.records, Self.lines) {
            var variants: [[UInt8]] = []
            let text = String(decoding: line, as: UTF8.self)
            for (target, replacement) in Self.replacements where text.contains(target) {
                variants.append(Array(text.replacingFirst(target, with: replacement).utf8))
            }
            for variant in Self.valueVariants(of: line) where variant != line {
                variants.append(variant)
            }
            for kind in EventKind.allCases where kind != record.kind {
                let own = #""kind":"\#(record.kind.rawValue)""#
                variants.append(Array(text.replacingFirst(own, with: #""kind":"\#(kind.rawValue)""#).utf8))
            }
            for _ in 0..<300 {
                var bytes = line
                for _ in 0...generator.next(below: 2) {
                    let index = generator.next(below: UInt64(bytes.count))
                    switch generator.next(below: 4) {
                    case 0: bytes[index] ^= UInt8(1 << generator.next(below: 8))
                    case 1: bytes[index] = interesting[generator.next(below: UInt64(interesting.count))]
                    case 2: bytes.remove(at: index)
                    default: bytes.insert(interesting[generator.next(below: UInt64(interesting.count))], at: index)
                    }
                }
                variants.append(bytes)
            }
            for variant in variants where variant != line {
                for depth in [JournalScanner.Depth.links, .full] {
                    let general = variant.withUnsafeBytes { JournalScanner.checkGenerally($0, depth: depth) }
                    let either = variant.withUnsafeBytes { JournalScanner.check($0, depth: depth) }
                    #expect(either == general, "\(depth): \(String(decoding: variant, as: UTF8.self))")
                    if let fast = variant.withUnsafeBytes({ JournalLineDecoder.decode($0, canonical: depth == .full) }) {
                        // What the fast reader accepts, the general one accepts as the same record.
                        let json = try? variant.withUnsafeBytes { try JSONParser.parse($0) }
                        #expect(json.flatMap { try? EventRecord(json: $0) } == fast)
                        fastAccepted += 1
                    }
                    checked += 1
                }
            }
        }
        #expect(checked > 20_000)
        #expect(fastAccepted > 0)  // some edits keep a valid line (a letter in a note, say)
    }

    /// Reading a journal file a chunk at a time gives what reading all its bytes
    /// at once gives, wherever the chunks cut the lines, with or without a problem.
    @Test func aFileReadInChunksGivesTheSameResultAsItsBytes() throws {
        let folder = TemporaryFolder()
        defer { folder.remove() }
        let good: [UInt8] = Self.lines.flatMap { $0 + [0x0A] }
        var badLine = good
        badLine[Self.lines[0].count + 1 + Self.lines[1].count / 2] = UInt8(ascii: "{")
        let cases: [(String, [UInt8])] = [
            ("good", good), ("torn", good + Array(#"{"seq":36,"occ"#.utf8)), ("bad line 2", badLine),
            ("empty line", good + [0x0A]),
            ("removed line", Self.lines.enumerated().filter { $0.offset != 20 }.flatMap { $0.element + [UInt8(0x0A)] }),
        ]
        for (name, bytes) in cases {
            let path = folder.path + "/\(name).jsonl"
            Files.write(bytes, to: path)
            let file = try PosixFile.open(path, writable: false)
            let whole = bytes.withUnsafeBytes { JournalScanner.scan($0, depth: .links) }
            for chunkLength in [1, 100, 311, 1_000, 4_096, 1 << 20] {
                let chunked = try JournalScanner.scan(
                    file, from: 0, to: bytes.count, firstLine: 1, nextSeq: 1, previousHash: EventRecord.zeroHash,
                    depth: .links, chunkLength: chunkLength)
                #expect(chunked.records == whole.records, "\(name), chunks of \(chunkLength)")
                #expect(chunked.count == whole.count && chunked.goodLength == whole.goodLength)
                #expect(chunked.lastSeq == whole.lastSeq && chunked.headHash == whole.headHash)
                #expect(chunked.problem == whole.problem, "\(name), chunks of \(chunkLength)")
            }
            // From the middle of the file, as a process catching up on what others appended.
            guard whole.count >= 10 else { continue }
            let start = Self.lines.prefix(10).reduce(0) { $0 + $1.count + 1 }
            let rest = try JournalScanner.scan(
                file, from: start, to: bytes.count, firstLine: 11, nextSeq: 11, previousHash: Self.records[9].hash,
                depth: .links, chunkLength: 500)
            #expect(rest.records == Array(whole.records.dropFirst(10)), "\(name) from line 11")
            #expect(rest.goodLength == whole.goodLength && rest.problem == whole.problem)
        }
    }

    @Test func recordsMoveOutOfABufferAsTheyWent() {
        let buffer = RecordBuffer(capacity: 0)
        for record in Self.records { buffer.append(record) }  // grows past its first room twice
        #expect(buffer.count == Self.records.count)
        #expect(buffer[3] == Self.records[3])
        buffer.removeSuffix(from: 30)
        let second = RecordBuffer(capacity: 4)
        second.append(Self.records[30])
        #expect([EventRecord](moving: [buffer, second, RecordBuffer(capacity: 1)]) == Array(Self.records.prefix(31)))
        #expect(buffer.count == 0 && second.count == 0)
        #expect([EventRecord](moving: []).isEmpty)
    }
}

private extension String {
    func replacingFirst(_ target: String, with replacement: String) -> String {
        guard let range = range(of: target) else { return self }
        return self[..<range.lowerBound] + replacement + self[range.upperBound...]
    }
}

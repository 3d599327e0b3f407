import VaktTestSupport
import IncidentEngine
import Testing
@testable import IncidentStore

@Suite struct CanonicalJSONTests {
    @Test func writesMinimalEscapesAndRawUTF8() {
        let value: JSONValue = .object([
            (key: "a", value: .string("Løsepenge \"x\" \\ / \u{7f} 🔥\n\t\u{1b}[31m")),
            (key: "n", value: .int(-42)),
            (key: "z", value: .array([.null, .bool(true), .bool(false), .int(0), .int(Int64.min), .int(Int64.max)])),
        ])
        let text = String(decoding: CanonicalJSON.encode(value), as: UTF8.self)
        #expect(text == #"{"a":"Løsepenge \"x\" \\ / \#u{7f} 🔥\u000a\u0009\u001b[31m","n":-42,"z":[null,true,false,0,-9223372036854775808,9223372036854775807]}"#)
    }

    @Test func roundTripsThroughTheParserKeepingKeyOrder() throws {
        let value: JSONValue = .object([
            (key: "z", value: .string("først")),
            (key: "a", value: .object([(key: "y", value: .int(1)), (key: "b", value: .array([]))])),
            (key: "e", value: .object([])),
        ])
        let bytes = CanonicalJSON.encode(value)
        let parsed = try JSONParser.parse(bytes)
        #expect(parsed == value)
        #expect(CanonicalJSON.encode(parsed) == bytes)
    }

    @Test func parserAcceptsOtherSpellingsOfTheSameValue() throws {
        let parsed = try JSONParser.parse(Array(#" { "k" : "\u00e5\/\n\ud83d\udd25" , "l" : [ 1 , -0 ] } "#.utf8))
        #expect(parsed == .object([(key: "k", value: .string("å/\n🔥")), (key: "l", value: .array([.int(1), .int(0)]))]))
    }

    @Test(arguments: [
        "", "{", "{\"a\"}", "{\"a\":1,}", "[1,]", "01", "1.5", "1e3", "-", "\"abc", "\"\u{1}\"", "\"\\x\"",
        "\"\\ud800\"", "tru", "nul", "1 2", "9223372036854775808", "-9223372036854775809", "{\"a\":1}x",
    ])
    func parserRefusesWhatTheJournalCannotHold(_ text: String) {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(Array(text.utf8)) }
    }

    @Test func parserRefusesInvalidUTF8() {
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0xC3, 0x28, 0x22]) }
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse([0x22, 0x5C, 0x6E, 0xFF, 0x22]) }
    }

    @Test func deepNestingIsRefusedNotCrashed() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 100_000)
        #expect(throws: JSONParser.Failure.self) { try JSONParser.parse(deep) }
    }

    @Test func hashIsSHA256OfPreviousHashAndBody() {
        // printf '%s%s' 000…0 '{}' | sha256sum
        let hash = HashChain.hash(previous: HashChain.genesis, body: Array("{}".utf8))
        #expect(hash == "5508d2b710e64bc470079e1b211d9c58e21011e59d0559e422345dc19d659a75")
    }
}

import IncidentEngine
import PlaybookFormat
import Testing
import VaktTestSupport

@Suite struct EventRecordTests {
    static let hashA = String(repeating: "a", count: 64)

    /// Every kind of event with every optional field both ways (shared with the store's decoder tests).
    static let allEvents = EventSamples.all

    @Test func everyKindIsCovered() {
        #expect(Set(Self.allEvents.map(\.kind)) == Set(EventKind.allCases))
    }

    @Test(arguments: allEvents)
    func roundTripsThroughJSON(_ event: IncidentEvent) throws {
        let record = EventRecord(
            seq: 7, occurred: Fixtures.openedAt, recorded: Fixtures.openedAt.adding(milliseconds: 1_234).withOffset(minutes: -150),
            actor: "kari", event: event, prev: EventRecord.zeroHash, hash: Self.hashA)
        let json = record.toJSON()
        #expect(try EventRecord(json: json) == record)
        #expect(json.objectMembers?.map(\.key) == ["seq", "occurred", "recorded", "actor", "kind", "data", "prev", "hash"])
        #expect(record.toJSON(includingHash: false).objectMembers?.map(\.key).last == "prev")
        #expect(try EventRecord(json: record.toJSON(includingHash: false), requiringHash: false).hash == "")
    }

    @Test func shapeIsAsDocumented() throws {
        let record = EventRecord(
            seq: 3, occurred: Fixtures.openedAt, recorded: Fixtures.openedAt.adding(milliseconds: 161_207),
            actor: "kari", event: .stepCompleted(step: "triage", note: "PC-114 og PC-120"),
            prev: EventRecord.zeroHash, hash: Self.hashA)
        #expect(record.toJSON().description == """
            {"seq":3,"occurred":"2026-11-29T03:10:00.000+01:00","recorded":"2026-11-29T03:12:41.207+01:00",\
            "actor":"kari","kind":"step_completed","data":{"step":"triage","note":"PC-114 og PC-120"},\
            "prev":"\(EventRecord.zeroHash)","hash":"\(Self.hashA)"}
            """)
        let decision = IncidentEvent.decisionAnswered(
            step: "b", question: "Videre?", option: 1, label: "Ja", target: .next)
        #expect(decision.data.description == #"{"step":"b","question":"Videre?","option":1,"label":"Ja","target":"next"}"#)
        #expect(IncidentEvent.exercisePaused.data == .object([]))
        #expect(IncidentEvent.deadlineWaived(deadline: "datatilsynet", reason: .untilBypassed).data.description
            == #"{"deadline":"datatilsynet","reason":"until_bypassed"}"#)
        #expect(IncidentEvent.deadlineWaived(deadline: "report", reason: .untilSkipped).data.description
            == #"{"deadline":"report","reason":"until_skipped"}"#)
        #expect(IncidentEvent.noteAdded(text: "x", step: nil, lesson: false).data.description == #"{"text":"x"}"#)
    }

    static func valid() -> [(key: String, value: JSONValue)] {
        let record = EventRecord(
            seq: 1, occurred: Fixtures.openedAt, recorded: Fixtures.openedAt, actor: "kari",
            event: .stepCompleted(step: "triage", note: nil), prev: EventRecord.zeroHash, hash: hashA)
        return record.toJSON().objectMembers ?? []
    }

    static func replacing(_ key: String, with value: JSONValue?) -> JSONValue {
        var members = valid()
        if let index = members.firstIndex(where: { $0.key == key }) {
            if let value { members[index].value = value } else { members.remove(at: index) }
        }
        return .object(members)
    }

    @Test func decodingErrorsNameTheField() {
        func error(_ json: JSONValue) -> EventDecodingError? {
            do {
                _ = try EventRecord(json: json)
                return nil
            } catch {
                return error
            }
        }
        #expect(error(.array([])) == .notAnObject(field: "record", found: "array"))
        #expect(error(Self.replacing("seq", with: nil)) == .missingField("seq"))
        #expect(error(Self.replacing("seq", with: "1")) == .wrongType(field: "seq", expected: "an integer", found: "string"))
        #expect(error(Self.replacing("seq", with: 0)) == .invalidValue(field: "seq", reason: "must be at least 1, found 0"))
        #expect(error(Self.replacing("occurred", with: "i går")) == .invalidTimestamp(field: "occurred", text: "i går"))
        #expect(error(Self.replacing("actor", with: "")) == .invalidValue(field: "actor", reason: "must not be empty"))
        #expect(error(Self.replacing("kind", with: "step_exploded")) == .unknownKind("step_exploded"))
        #expect(error(Self.replacing("data", with: .null)) == .notAnObject(field: "data", found: "null"))
        #expect(error(Self.replacing("data", with: .object([]))) == .missingField("data.step"))
        #expect(error(Self.replacing("data", with: .object([("step", "a"), ("colour", "red")])))
            == .unexpectedField("data.colour"))
        #expect(error(Self.replacing("data", with: .object([("step", "a"), ("step", "b")])))
            == .invalidValue(field: "data.step", reason: "appears twice"))
        #expect(error(Self.replacing("data", with: .object([("step", "a"), ("note", .null)])))
            == .wrongType(field: "data.note", expected: "a string", found: "null"))
        #expect(error(Self.replacing("prev", with: "00")) == .invalidValue(field: "prev", reason: "must be 64 lower-case hex digits"))
        #expect(error(Self.replacing("hash", with: nil)) == .missingField("hash"))
        #expect(error(Self.replacing("hash", with: .string(String(repeating: "A", count: 64))))
            == .invalidValue(field: "hash", reason: "must be 64 lower-case hex digits"))
        var extra = Self.valid()
        extra.append(("signature", "x"))
        #expect(error(.object(extra)) == .unexpectedField("signature"))
        #expect(EventDecodingError.unexpectedField("data.colour").description == "unexpected field 'data.colour'")
    }

    @Test func decodingChecksKindSpecificValues() {
        func event(_ kind: String, _ data: JSONValue) -> EventDecodingError? {
            do {
                _ = try IncidentEvent(kind: kind, data: data)
                return nil
            } catch {
                return error
            }
        }
        #expect(event("phase_entered", .object([("phase", "panic")]))
            == .invalidValue(field: "data.phase", reason: "is not a stage: 'panic'"))
        #expect(event("checklist_ticked", .object([("step", "a"), ("item", 0)]))
            == .invalidValue(field: "data.item", reason: "must be at least 1, found 0"))
        #expect(event("incident_opened", .object([("playbook", "p"), ("sha256", "x"), ("title", "t"), ("exercise", false)]))
            == .invalidValue(field: "data.sha256", reason: "must be 64 lower-case hex digits"))
        #expect(event("deadline_started", .object([("deadline", "d"), ("due", "soon")]))
            == .invalidTimestamp(field: "data.due", text: "soon"))
        #expect(event("note_added", .object([("text", "x"), ("lesson", "yes")]))
            == .wrongType(field: "data.lesson", expected: "a boolean", found: "string"))
        #expect(event("deadline_waived", .object([("deadline", "d"), ("reason", "not_needed")]))
            == .invalidValue(field: "data.reason", reason: "is not a waiver reason: 'not_needed'"))
        #expect(event("deadline_waived", .object([("deadline", "d")])) == .missingField("data.reason"))
        #expect(event("deadline_waived", .object([("deadline", "d"), ("reason", "until_skipped")])) == nil)
        #expect(event("exercise_paused", .object([])) == nil)
    }

    @Test func jsonValueBasics() {
        let value: JSONValue = .object([("b", 1), ("a", .array([true, nil, "x\n\u{1}"]))])
        #expect(value.description == #"{"b":1,"a":[true,null,"x\n\u0001"]}"#)
        #expect(value["a"]?.arrayValue?.count == 3)
        #expect(value["b"]?.intValue == 1)
        #expect(value["c"] == nil)
        // Key order is part of the value.
        #expect(value != .object([("a", .array([true, nil, "x\n\u{1}"])), ("b", 1)]))
    }
}

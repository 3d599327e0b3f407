/// A decision a responder must make at a step (`ask:` with its options).
public struct Decision: Sendable {
    public var question: Located<String>
    public var options: [DecisionOption]

    public init(question: Located<String>, options: [DecisionOption]) {
        self.question = question
        self.options = options
    }
}

/// One answer to a decision: `- Label -> target`.
public struct DecisionOption: Sendable {
    public var label: Located<String>
    public var target: Located<StepTarget>

    public init(label: Located<String>, target: Located<StepTarget>) {
        self.label = label
        self.target = target
    }
}

/// Where an answer leads: a step, the step after this one, or the end.
public enum StepTarget: Hashable, Sendable, CustomStringConvertible {
    case step(String)
    case next
    case end

    /// Reads a target as written after ` -> `.
    public init(_ text: String) {
        switch text {
        case "next": self = .next
        case "end": self = .end
        default: self = .step(text)
        }
    }

    public var description: String {
        switch self {
        case .step(let id): id
        case .next: "next"
        case .end: "end"
        }
    }
}

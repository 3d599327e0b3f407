import TerminalCore

/// One row of a screen's key table: which keys, what they are called, what
/// they do. The screen's update dispatches on the table and the help screen
/// and the key hints are drawn from it, so what is shown is what works.
public struct KeyBinding<Action: Sendable & Equatable>: Sendable {
    /// Which keys trigger the binding.
    public enum Trigger: Sendable, Equatable {
        case keys([Key])
        /// The digits 1 to 9 (the action reads which one from the key).
        case digits
        /// Any printable character (text input).
        case text
    }

    public let trigger: Trigger
    /// The keys as the help screen names them: "↑ k", "Space x", "1–9".
    public let keyName: LocalizedText
    /// What the keys do, as a help line says it.
    public let label: LocalizedText
    /// The short word in the key hints line, if the binding is hinted there.
    public let hint: LocalizedText?
    /// The key as the hints line names it, when shorter than `keyName` ("q").
    public let hintKeyName: LocalizedText
    /// Lower ranks are kept when the hints line must be shortened.
    public let hintRank: Int
    public let action: Action

    public init(
        _ trigger: Trigger, _ keyName: LocalizedText, _ label: LocalizedText, hint: LocalizedText? = nil,
        hintKey: LocalizedText? = nil, rank: Int = 0, action: Action
    ) {
        self.trigger = trigger
        self.keyName = keyName
        self.label = label
        self.hint = hint
        self.hintKeyName = hintKey ?? keyName
        self.hintRank = rank
        self.action = action
    }

    public func matches(_ key: Key) -> Bool {
        switch trigger {
        case .keys(let keys): keys.contains(key)
        case .digits: Self.digit(of: key) != nil
        case .text:
            if case .character = key { true } else { false }
        }
    }

    /// 1…9 for a digit key, else nil.
    public static func digit(of key: Key) -> Int? {
        guard case .character(let character) = key, let value = character.wholeNumberValue,
              character.isASCII, (1...9).contains(value)
        else { return nil }
        return value
    }
}

extension Array {
    /// The first binding that matches the key: the table's order decides.
    func binding<Action>(for key: Key) -> KeyBinding<Action>? where Element == KeyBinding<Action> {
        first { $0.matches(key) }
    }
}

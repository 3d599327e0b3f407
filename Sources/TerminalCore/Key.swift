/// A key press, decoded from whatever the terminal sent.
///
/// Screens dispatch on these, never on terminal codes, so update functions
/// can be tested by feeding keys.
public enum Key: Hashable, Sendable, CustomStringConvertible {
    /// A printable character (text input), including space.
    case character(Character)
    case enter
    case escape
    case backspace
    case delete
    case tab
    /// Shift-Tab.
    case backTab
    case up
    case down
    case left
    case right
    case pageUp
    case pageDown
    case home
    case end
    /// F1…F63.
    case function(Int)
    /// Ctrl with a letter (lowercase) or one of @ [ \ ] ^ _; Ctrl-C arrives as `ctrl("c")` in raw mode.
    case ctrl(Character)
    /// The terminal changed size; the backend has already learned the new size.
    case resize
    /// Something the terminal sent that has no meaning here.
    case unknown

    /// Decodes one scalar as a raw-mode terminal sends it: Return as CR,
    /// Backspace as DEL or ^H, Ctrl-letters as C0 codes.
    public init(scalar: Unicode.Scalar) {
        switch scalar.value {
        case 0x0D, 0x0A: self = .enter
        case 0x09: self = .tab
        case 0x1B: self = .escape
        case 0x7F, 0x08: self = .backspace
        case 0x00: self = .ctrl("@")
        case 0x01...0x1A: self = .ctrl(Character(Unicode.Scalar(UInt8(0x60 + scalar.value))))
        case 0x1C...0x1F: self = .ctrl(Character(Unicode.Scalar(UInt8(0x40 + scalar.value))))
        case 0x80...0x9F: self = .unknown
        default: self = .character(Character(scalar))
        }
    }

    /// An English name for logs, the self-check and tests; the UI's help
    /// screen has its own translated names.
    public var description: String {
        switch self {
        case .character(" "): "Space"
        case .character(let character): String(character)
        case .enter: "Enter"
        case .escape: "Esc"
        case .backspace: "Backspace"
        case .delete: "Delete"
        case .tab: "Tab"
        case .backTab: "Shift-Tab"
        case .up: "Up"
        case .down: "Down"
        case .left: "Left"
        case .right: "Right"
        case .pageUp: "PgUp"
        case .pageDown: "PgDn"
        case .home: "Home"
        case .end: "End"
        case .function(let number): "F\(number)"
        case .ctrl(let character): "Ctrl-\(String(character).uppercased())"
        case .resize: "Resize"
        case .unknown: "Unknown"
        }
    }
}

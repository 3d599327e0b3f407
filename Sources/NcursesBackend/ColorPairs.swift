import CNcursesw
import TerminalCore

/// Maps a style's two colours to a curses colour pair, allocating pairs as
/// they are first used: eight colours plus the default make 81 combinations,
/// more than an 8-colour terminal's 64 pairs, and a screen uses a handful.
struct ColorPairs {
    private var pairs: [UInt16: Int32] = [:]
    private var nextPair: Int32 = 1
    private let enabled: Bool
    private let defaultColors: Bool
    private let limit: Int32

    init(enabled: Bool, defaultColors: Bool) {
        self.enabled = enabled
        self.defaultColors = defaultColors
        limit = enabled ? min(Int32(vakt_color_pairs()), 32767) : 0
    }

    /// The pair for a style; 0 (the terminal's colours) when colour is off or pairs ran out.
    mutating func pair(for style: Style) -> Int32 {
        guard enabled, style.foreground != .default || style.background != .default else { return 0 }
        let key = UInt16(style.foreground.rawValue) << 8 | UInt16(style.background.rawValue)
        if let pair = pairs[key] { return pair }
        guard nextPair < limit else { return 0 }
        let pair = nextPair
        nextPair += 1
        init_pair(Int16(pair), curses(style.foreground, isForeground: true), curses(style.background, isForeground: false))
        pairs[key] = pair
        return pair
    }

    private func curses(_ color: Color, isForeground: Bool) -> Int16 {
        let value: Int32 = switch color {
        case .default: defaultColors ? -1 : (isForeground ? COLOR_WHITE : COLOR_BLACK)
        case .black: COLOR_BLACK
        case .red: COLOR_RED
        case .green: COLOR_GREEN
        case .yellow: COLOR_YELLOW
        case .blue: COLOR_BLUE
        case .magenta: COLOR_MAGENTA
        case .cyan: COLOR_CYAN
        case .white: COLOR_WHITE
        }
        return Int16(value)
    }
}

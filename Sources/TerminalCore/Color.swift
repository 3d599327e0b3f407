/// The small palette every terminal has: the eight ANSI colours plus the
/// terminal's own default, so that screens work on 8-colour terminals and
/// nothing depends on a theme the user did not choose.
public enum Color: UInt8, CaseIterable, Hashable, Sendable {
    /// The terminal's own foreground or background colour.
    case `default`
    case black
    case red
    case green
    case yellow
    case blue
    case magenta
    case cyan
    case white
}

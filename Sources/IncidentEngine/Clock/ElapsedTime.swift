/// How vakt writes a span of time since a start, the same in the terminal
/// UI, the reports and the command line: `T+01:05:00` (hours not wrapped at
/// 24), `T-…` before the start.
public enum ElapsedTime {
    /// `01:05:00`: the span without a sign.
    public static func span(_ milliseconds: Int64) -> String {
        let seconds = abs(milliseconds) / 1_000
        return "\(pad(seconds / 3_600)):\(pad(seconds / 60 % 60)):\(pad(seconds % 60))"
    }

    /// `T+01:05:00`, or `T-00:00:05` for a time before the start.
    public static func text(_ milliseconds: Int64) -> String {
        (milliseconds < 0 ? "T-" : "T+") + span(milliseconds)
    }

    private static func pad(_ value: Int64) -> String {
        value < 10 ? "0\(value)" : "\(value)"
    }
}

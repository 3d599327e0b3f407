/// Where a scrolled list starts so that one row stays in view, moving as
/// little as possible from where it was (the list does not jump around).
enum ScrollWindow {
    static func offset(keeping row: Int, visible: Int, total: Int, from previous: Int) -> Int {
        guard visible > 0, total > visible else { return 0 }
        var offset = min(max(0, previous), total - visible)
        if row < offset { offset = row }
        if row >= offset + visible { offset = row - visible + 1 }
        return min(max(0, offset), total - visible)
    }

    /// An offset kept inside 0…(total - visible).
    static func clamp(_ offset: Int, visible: Int, total: Int) -> Int {
        min(max(0, offset), max(0, total - visible))
    }
}

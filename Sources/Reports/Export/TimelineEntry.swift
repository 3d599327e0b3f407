/// One journal record as the documents show it: the phase it belongs to, the
/// step it is about, what happened in words, and the text a responder wrote
/// in it (exactly as written: each format sanitises or escapes it).
struct TimelineEntry {
    var phaseIndex: Int?
    var stepIndex: Int?
    /// What happened, in the report's language, without the responder's text.
    var description: String
    /// The note, reason, title or correction the record carries, if any.
    var text: String?
}

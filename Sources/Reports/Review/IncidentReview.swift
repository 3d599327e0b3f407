/// The post-incident review (`vakt review`): how long everything took against
/// the playbook's targets, every deadline's margin, the decisions, the
/// skipped steps, the lessons, and an improvement plan to fill in — the
/// written evaluation a municipality keeps after an incident or an exercise.
public enum IncidentReview {
    /// The review in `format`, with labels in `input.language`.
    public static func render(_ input: ExportInput, format: ReviewFormat) -> String {
        let sections = ReviewSections(IncidentDigest(input))
        switch format {
        case .markdown: return MarkdownReviewRenderer(sections: sections).render()
        case .html: return HTMLReviewRenderer(sections: sections).render()
        }
    }
}

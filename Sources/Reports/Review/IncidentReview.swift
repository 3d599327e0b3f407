/// The post-incident review (`vakt review`): how long everything took against
/// the playbook's targets, every deadline's margin, the decisions, the
/// skipped steps, the lessons, and an improvement plan to fill in — the
/// written evaluation a municipality keeps after an incident or an exercise.
///
/// The review of an exercise whose scenario copy is at hand
/// (`ExportInput.scenario`) is the evaluation report (evalueringsrapport):
/// the exercise, its objectives and the evidence about each, the injects
/// with their delivery and responses, the expectations met or missed, the
/// timeline on both clocks, the observations, the first impressions of the
/// hotwash and the improvement plan (tiltaksplan).
public enum IncidentReview {
    /// The review in `format`, with labels in `input.language`.
    public static func render(_ input: ExportInput, format: ReviewFormat) -> String {
        let digest = IncidentDigest(input)
        if input.isExercise, let scenario = input.scenario {
            let sections = EvaluationSections(digest, scenario: scenario)
            switch format {
            case .markdown: return MarkdownEvaluationRenderer(sections: sections).render()
            case .html: return HTMLEvaluationRenderer(sections: sections).render()
            }
        }
        let sections = ReviewSections(digest)
        switch format {
        case .markdown: return MarkdownReviewRenderer(sections: sections).render()
        case .html: return HTMLReviewRenderer(sections: sections).render()
        }
    }
}

using WeClick.Evaluation;

namespace WeClick.Experiments;

/// <summary>The outcome of a reproduction.</summary>
/// <param name="Rows">Teacher first, then the students in Table 1 order.</param>
/// <param name="Report">The report's index.html.</param>
/// <param name="WallSeconds">Wall time of this call.</param>
/// <param name="Profiles">#Params and speed of teacher and student.</param>
/// <param name="GroundTruthConsistency">The ground-truth labels' temporal consistency, the reference for the rows' TC; null when
/// <c>evaluation.temporalFrames</c> &lt; 2.</param>
public sealed record ReproductionResult(IReadOnlyList<ReproductionRow> Rows, string Report, double WallSeconds, IReadOnlyList<ModelProfile> Profiles,
    GroundTruthConsistency? GroundTruthConsistency = null);

namespace WeClick.Experiments;

/// <summary>Which network a run trains (WeClick Fig. 3): stored as <c>teacher</c> / <c>student</c>.</summary>
public enum RunRole
{
    /// <summary>The big network trained from clicks alone.</summary>
    Teacher,
    /// <summary>The compact network trained with KD and MFD.</summary>
    Student,
}

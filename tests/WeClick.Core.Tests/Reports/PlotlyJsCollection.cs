namespace WeClick.Core.Tests.Reports;

/// <summary>Tests that read or set <c>WECLICK_PLOTLYJS</c> (process-wide) run one at a time.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class PlotlyJsCollection
{
    /// <summary>The collection's name.</summary>
    public const string Name = "PlotlyJs";
}

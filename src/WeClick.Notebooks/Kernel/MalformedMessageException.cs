namespace WeClick.Notebooks.Kernel;

/// <summary>A received message was dropped: malformed frames or JSON, or a missing, wrong or replayed signature.</summary>
public sealed class MalformedMessageException : Exception
{
    /// <summary>Creates the exception; <paramref name="reason"/> is the short text the kernel log shows ("bad signature").</summary>
    public MalformedMessageException(string reason) : base(reason)
    {
    }
}

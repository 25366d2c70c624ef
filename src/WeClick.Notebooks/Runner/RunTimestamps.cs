using System.Globalization;

namespace WeClick.Notebooks.Runner;

/// <summary>Timestamps in the forms papermill and nbclient write them.</summary>
internal static class RunTimestamps
{
    /// <summary>papermill's <c>datetime.utcnow().isoformat()</c>: <c>2026-11-21T16:03:38.123456</c>.</summary>
    public static string Papermill(DateTime utc) => utc.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff", CultureInfo.InvariantCulture);

    /// <summary>nbclient's <c>timestamp()</c>: the same with a <c>Z</c>.</summary>
    public static string Nbclient(DateTime utc) => Papermill(utc) + "Z";

    /// <summary>A duration in seconds, as papermill stores it (a float).</summary>
    public static double Seconds(TimeSpan duration) => Math.Round(duration.TotalSeconds, 6);
}

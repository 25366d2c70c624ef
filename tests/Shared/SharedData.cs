namespace WeClick.Testing;

/// <summary>
/// The real data in the workspace's shared folder (<c>../shared/data</c> beside the repository), which is
/// never committed. $WECLICK_SHARED_DATA may point elsewhere.
/// </summary>
internal static class SharedData
{
    public static string Root
    {
        get
        {
            if (Environment.GetEnvironmentVariable("WECLICK_SHARED_DATA") is { Length: > 0 } configured)
            {
                return configured;
            }
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "WeClick.Research.sln")))
            {
                dir = dir.Parent;
            }
            return Path.GetFullPath(Path.Combine(dir?.FullName ?? ".", "..", "shared", "data"));
        }
    }

    public static string CamVid => Path.Combine(Root, "camvid");

    public static bool HasCamVid => Directory.Exists(Path.Combine(CamVid, "val")) && Directory.Exists(Path.Combine(CamVid, "valannot"));
}

/// <summary>A fact that needs the real CamVid subset; skipped, saying why, where it is absent.</summary>
public sealed class CamVidFactAttribute : FactAttribute
{
    public CamVidFactAttribute()
    {
        if (!SharedData.HasCamVid)
        {
            Skip = $"needs the CamVid subset at {SharedData.CamVid} (set WECLICK_SHARED_DATA to its parent folder)";
        }
    }
}

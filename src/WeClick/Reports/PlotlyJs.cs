namespace WeClick.Reports;

/// <summary>
/// Where the HTML form of a chart (<see cref="ChartOutput.ToHtml(Plotly.NET.GenericChart, PlotlyJs?)"/>) loads plotly.js from. No CDN: the set-up (scripts/setup.sh) installs
/// npm's <c>plotly.js-dist-min</c> into <c>node_modules/</c> and the build copies <c>plotly.min.js</c> beside the
/// WeClick.Core assembly. <see cref="Current"/> is what <see cref="ChartOutput.ToMimeBundle"/> uses.
/// </summary>
/// <param name="Mode">Local file, inlined library or relative URL.</param>
/// <param name="Url">The URL for <see cref="PlotlyJsMode.RelativeUrl"/> (ignored otherwise).</param>
public sealed record PlotlyJs(PlotlyJsMode Mode, string Url = PlotlyJs.FileName)
{
    /// <summary>The environment variable that names plotly.min.js explicitly (checked first by <see cref="Locate"/>).</summary>
    public const string EnvironmentVariable = "WECLICK_PLOTLYJS";

    /// <summary>The library's file name.</summary>
    public const string FileName = "plotly.min.js";

    private static readonly string PackageFolder = Path.Combine("node_modules", "plotly.js-dist-min");

    /// <summary>The installed file, by <c>file://</c> URL (the default).</summary>
    public static PlotlyJs LocalFile { get; } = new(PlotlyJsMode.LocalFile);

    /// <summary>The library inlined into every figure's HTML.</summary>
    public static PlotlyJs Inline { get; } = new(PlotlyJsMode.Inline);

    /// <summary>A URL relative to the page, e.g. the copy an <see cref="HtmlReport"/> writes beside index.html.</summary>
    public static PlotlyJs Relative(string url = FileName)
    {
        ArgumentException.ThrowIfNullOrEmpty(url);
        return new PlotlyJs(PlotlyJsMode.RelativeUrl, url);
    }

    /// <summary>The source figures' HTML uses unless told otherwise; <see cref="LocalFile"/> by default. Set it once in a
    /// notebook (e.g. to <see cref="Inline"/> before exporting a self-contained HTML).</summary>
    public static PlotlyJs Current { get; set; } = LocalFile;

    /// <summary>
    /// The path of plotly.min.js, looked up in order: the file named by the <c>WECLICK_PLOTLYJS</c> environment
    /// variable (which must exist when set); <c>plotly.min.js</c> next to the WeClick.Core assembly; then
    /// <c>node_modules/plotly.js-dist-min/plotly.min.js</c> in the assembly's folder or any folder above it (the repository).
    /// </summary>
    /// <exception cref="FileNotFoundException">None of those exists; the message lists every place searched.</exception>
    public static string Locate()
    {
        var searched = new List<string>();
        var fromEnvironment = Environment.GetEnvironmentVariable(EnvironmentVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment))
        {
            var full = Path.GetFullPath(fromEnvironment);
            if (File.Exists(full))
            {
                return full;
            }
            throw new FileNotFoundException(
                $"plotly.js: {EnvironmentVariable} names '{full}', which does not exist. Point it at plotly.min.js, or unset it to use the copy installed by scripts/setup.sh.", full);
        }
        searched.Add($"${EnvironmentVariable} (not set)");
        var assemblyFolder = AppContext.BaseDirectory;
        var coreLocation = typeof(PlotlyJs).Assembly.Location;
        if (!string.IsNullOrEmpty(coreLocation))
        {
            assemblyFolder = Path.GetDirectoryName(coreLocation)!;
        }
        var beside = Path.Combine(assemblyFolder, FileName);
        searched.Add(beside);
        if (File.Exists(beside))
        {
            return beside;
        }
        for (var folder = new DirectoryInfo(assemblyFolder); folder is not null; folder = folder.Parent)
        {
            var candidate = Path.Combine(folder.FullName, PackageFolder, FileName);
            if (File.Exists(candidate))
            {
                return candidate;
            }
        }
        searched.Add($"{Path.Combine(PackageFolder, FileName)} in {assemblyFolder} and every folder above it");
        throw new FileNotFoundException(
            $"plotly.js (plotly.min.js) was not found; searched: {string.Join("; ", searched)}. Run scripts/setup.sh (it installs plotly.js-dist-min with npm), or set {EnvironmentVariable} to the file.",
            FileName);
    }

    /// <summary>
    /// Checks, before long work whose results end in figures (a reproduction, a notebook), that plotly.js is installed,
    /// so that a missing library stops the work at its start rather than after the training (issue #15).
    /// </summary>
    /// <param name="why">What needs it and what was not done, e.g. "weclick reproduce writes figures with plotly.js; nothing was trained".</param>
    /// <returns>The path of plotly.min.js (<see cref="Locate"/>).</returns>
    /// <exception cref="FileNotFoundException">It is missing; the message starts with <paramref name="why"/>, lists where it
    /// was looked for and says how to install it.</exception>
    public static string EnsureInstalled(string why)
    {
        try
        {
            return Locate();
        }
        catch (FileNotFoundException e)
        {
            throw new FileNotFoundException($"{why}. {e.Message}", e.FileName, e);
        }
    }

    /// <summary>The URL figures load plotly.js from (<see cref="PlotlyJsMode.LocalFile"/>: <c>file://</c> of <see cref="Locate"/>;
    /// <see cref="PlotlyJsMode.RelativeUrl"/>: <see cref="Url"/>); null for <see cref="PlotlyJsMode.Inline"/>.</summary>
    /// <exception cref="FileNotFoundException">Local-file mode and the file is not installed.</exception>
    public string? ScriptUrl() => Mode switch
    {
        PlotlyJsMode.LocalFile => new Uri(Locate()).AbsoluteUri,
        PlotlyJsMode.RelativeUrl => Url,
        _ => null,
    };

    /// <summary>
    /// plotly.js itself as one output (an HTML script, ≈4.5 MB, that defines <c>window.Plotly</c> unless the page has it):
    /// shown once before a notebook session's first figure, so that figures in <see cref="PlotlyJsMode.LocalFile"/> mode
    /// also draw in pages served over http (JupyterLab, Notebook), which cannot load the local file — as plotly.py's
    /// offline notebook mode does.
    /// </summary>
    /// <exception cref="FileNotFoundException">plotly.min.js is not installed (the message says where it was looked for).</exception>
    public static MimeBundle LibraryBundle() =>
        new MimeBundle("(plotly.js for this notebook's figures, loaded once)").With("text/html", FigureHtml.LibraryScript());
}

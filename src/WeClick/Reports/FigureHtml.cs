using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace WeClick.Reports;

/// <summary>
/// The <c>text/html</c> form of a figure: a <c>&lt;div&gt;</c> with a unique id and a script that draws the figure with
/// <c>Plotly.newPlot</c> once plotly.js is there, loading it if it is not.
/// </summary>
/// <remarks>
/// Loading works with and without RequireJS. Pages that define an AMD loader (classic Notebook, nbconvert's classic
/// template) get plotly through <c>require([url])</c>: a UMD build that sees <c>define.amd</c> registers itself as an
/// anonymous module, which RequireJS rejects ("mismatched anonymous define") when the file comes from a plain script tag.
/// plotly.js-dist-min 4.x does not call <c>define</c> at all and sets <c>window.Plotly</c>, so the callback falls back
/// to it. Other pages get one shared <c>&lt;script src&gt;</c>; figures that arrive while it loads queue behind it.
/// The inlined library runs inside a function whose <c>define</c>, <c>module</c> and <c>exports</c> are undefined, so any
/// UMD build takes its browser-global branch.
/// </remarks>
internal static class FigureHtml
{
    private static readonly ConcurrentDictionary<string, string> InlinedLibraries = new(StringComparer.Ordinal);

    /// <summary>The HTML of the figure JSON <paramref name="figure"/> with plotly.js from <paramref name="source"/>.</summary>
    public static string Render(JsonObject figure, PlotlyJs source)
    {
        var figureJson = ScriptSafe(figure.ToJsonString());
        // Deterministic — the figure's content only, not a counter or a GUID — so a notebook run headless and through
        // Jupyter gives the same outputs however often a live view redrew. The script finds its div as its own previous
        // sibling, so the same figure shown twice on one page still draws each copy in its own place.
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(figureJson)))[..16];
        var id = $"weclick-figure-{hash}";
        var html = new StringBuilder();
        html.Append("<div id=\"").Append(id).Append("\" class=\"weclick-figure\"></div>\n<script type=\"text/javascript\">\n");
        if (source.Mode == PlotlyJsMode.Inline)
        {
            // Inlined once per figure: each output must stand alone (a notebook's outputs are shown independently).
            html.Append(InlineLibrary());
        }
        var url = source.ScriptUrl();
        html.Append("(function () {\n")
            .Append("  var self = document.currentScript;\n")
            .Append("  var id = ").Append(JsonSerializer.Serialize(id)).Append(";\n")
            .Append("  var figure = ").Append(figureJson).Append(";\n")
            .Append("  var url = ").Append(url is null ? "null" : ScriptSafe(JsonSerializer.Serialize(url))).Append(";\n")
            .Append(LoaderScript)
            .Append("})();\n</script>");
        return html.ToString();
    }

    /// <summary>A script that defines window.Plotly from the inlined library, unless the page has it already.</summary>
    public static string LibraryScript() => "<script type=\"text/javascript\">\n" + InlineLibrary() + "</script>";

    // plotly.js as script text that defines window.Plotly unless the page has it; define/module/exports are hidden so that
    // a UMD build on a page with RequireJS still sets the global.
    private static string InlineLibrary() =>
        "if (!window.Plotly) { (function (define, module, exports) {\n" +
        InlinedLibraries.GetOrAdd(PlotlyJs.Locate(), path => EndTagSafe(File.ReadAllText(path))) +
        "\n}).call(window); }\n";

    // Draw now, or load plotly.js (RequireJS when an AMD loader is on the page, else one shared script tag) and draw then.
    private const string LoaderScript = """
          function draw(Plotly) {
            var sibling = self && self.previousElementSibling;
            var element = sibling && sibling.id === id ? sibling : document.getElementById(id);
            if (!element) { return; }
            if (!Plotly) {
              element.textContent = "plotly.js could not be loaded from " + url + "." +
                (String(url).indexOf("file:") === 0 && location.protocol !== "file:"
                  ? " A page served by a web server cannot load local files: run `PlotlyJs.Current = PlotlyJs.Inline;` in a cell" +
                    " (or use a frontend that renders the Plotly MIME type, such as VS Code) and run this cell again."
                  : "");
              return;
            }
            Plotly.newPlot(element, figure.data, figure.layout, figure.config);
          }
          function failed() { draw(null); }
          if (window.Plotly) { draw(window.Plotly); return; }
          if (!url) { failed(); return; }
          var absolute = new URL(url, document.baseURI).href;
          if (typeof window.require === "function" && typeof window.define === "function" && window.define.amd) {
            window.require([absolute], function (Plotly) { draw(Plotly || window.Plotly); }, failed);
            return;
          }
          var queue = window.__weclickPlotlyQueue;
          if (queue) { queue.push(draw); return; }
          queue = window.__weclickPlotlyQueue = [draw];
          var script = document.createElement("script");
          script.src = absolute;
          script.onload = function () { window.__weclickPlotlyQueue = null; queue.forEach(function (f) { f(window.Plotly); }); };
          script.onerror = function () { window.__weclickPlotlyQueue = null; queue.forEach(function (f) { f(null); }); };
          document.head.appendChild(script);

        """;

    /// <summary>Text that can sit inside a <c>&lt;script&gt;</c> element: <c>&lt;/</c> becomes <c>&lt;\/</c> (the same
    /// string in JSON and JavaScript string literals), so no "&lt;/script&gt;" in the data ends the element early.</summary>
    private static string ScriptSafe(string text) => text.Replace("</", "<\\/", StringComparison.Ordinal);

    /// <summary>Library code may hold "&lt;/" in comparisons, so only a literal end tag (none in plotly.js 4) is escaped.</summary>
    private static string EndTagSafe(string code) => System.Text.RegularExpressions.Regex.Replace(code, "</(script)", "<\\/$1", System.Text.RegularExpressions.RegexOptions.IgnoreCase);
}

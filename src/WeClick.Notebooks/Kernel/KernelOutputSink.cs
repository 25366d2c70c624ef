using System.Text.Json.Nodes;
using WeClick.Notebooks.Execution;
using WeClick.Reports;

namespace WeClick.Notebooks.Kernel;

/// <summary>
/// A running cell's outputs as iopub messages (stream, display_data, update_display_data), each parented to the
/// execute_request. A silent request's outputs are dropped. Thread-safe: it only posts to the publisher's queue.
/// The cell's <c>Console.ReadLine()</c> goes to <paramref name="readLine"/> (an input_request to the frontend).
/// </summary>
internal sealed class KernelOutputSink(
    IopubPublisher publisher, KernelSession session, JupyterMessage request, bool silent, Func<string?> readLine) : IOutputSink, IConsoleInput
{
    public string? ReadLine() => readLine();

    public void Stream(string name, string text)
    {
        if (silent || string.IsNullOrEmpty(text))
        {
            return;
        }
        publisher.Post(session.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text }, request));
    }

    public void Display(MimeBundle bundle, string? displayId)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        if (!silent)
        {
            publisher.Post(session.Publish("display_data", Content(bundle, displayId), request));
        }
    }

    public void UpdateDisplay(MimeBundle bundle, string displayId)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        ArgumentException.ThrowIfNullOrEmpty(displayId);
        if (!silent)
        {
            publisher.Post(session.Publish("update_display_data", Content(bundle, displayId), request));
        }
    }

    /// <summary>A bundle's <c>data</c> and <c>metadata</c> as JSON objects (values kept as the bundle holds them).</summary>
    public static JsonObject BundleContent(MimeBundle bundle)
    {
        var data = new JsonObject();
        foreach (var (mime, value) in bundle.Data)
        {
            data[mime] = value.DeepClone();
        }
        var metadata = new JsonObject();
        foreach (var (mime, value) in bundle.Metadata)
        {
            metadata[mime] = value.DeepClone();
        }
        return new JsonObject { ["data"] = data, ["metadata"] = metadata };
    }

    private static JsonObject Content(MimeBundle bundle, string? displayId)
    {
        var content = BundleContent(bundle);
        // transient is not stored in notebooks; frontends use display_id to find the output to update.
        content["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId };
        return content;
    }
}

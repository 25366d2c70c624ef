namespace WeClick.Notebooks.Execution;

/// <summary>
/// Implemented by an <see cref="IOutputSink"/> that can answer its cell's <c>Console.ReadLine()</c>: the Jupyter kernel
/// asks the frontend with an input_request. A cell whose sink does not implement it reads <see cref="Console.In"/> as
/// empty (the headless runner has nobody to ask).
/// </summary>
public interface IConsoleInput
{
    /// <summary>The next line typed for the running cell, or null at end of input.</summary>
    /// <exception cref="InvalidOperationException">Input is not available for this cell (the frontend did not allow stdin).</exception>
    string? ReadLine();
}

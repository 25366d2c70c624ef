namespace WeClick.Notebooks.Packages;

/// <summary>A <c>#r "nuget:…"</c> or <c>#i "nuget:…"</c> directive could not be carried out: the package or version is
/// unknown to the configured sources, it conflicts with one already loaded, or restore itself failed. The message names
/// the package and says what to do; the notebook session is unchanged.</summary>
public sealed class PackageRestoreException(string message) : Exception(message);

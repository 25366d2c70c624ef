namespace WeClick.Notebooks.Packages;

/// <summary>One package a restore resolved (asked for, or a dependency), with the files this machine runs.</summary>
/// <param name="Name">The package id as NuGet spells it.</param>
/// <param name="Version">The resolved version.</param>
/// <param name="Assemblies">Absolute paths of its managed runtime assemblies for this framework and runtime.</param>
/// <param name="NativeLibraries">Absolute paths of its native shared libraries for this runtime (runtimes/&lt;rid&gt;/native).</param>
public sealed record RestoredPackage(string Name, string Version, IReadOnlyList<string> Assemblies, IReadOnlyList<string> NativeLibraries);

using System.Security.Cryptography;
using System.Text;
using System.Text.RegularExpressions;

namespace WeClick.Notebooks.Documents;

/// <summary>nbformat 4.5 cell ids: validity, and stable ids for cells that have none.</summary>
public static partial class CellIds
{
    /// <summary>The longest id nbformat allows.</summary>
    public const int MaxLength = 64;

    /// <summary>Whether <paramref name="id"/> matches <c>^[a-zA-Z0-9-_]+$</c> and is at most 64 characters long.</summary>
    public static bool IsValid(string? id) => id is { Length: > 0 and <= MaxLength } && IdPattern().IsMatch(id);

    /// <summary>
    /// An id derived from the cell's position, type and text (8 hex digits, like VS Code's), so that upgrading the
    /// same file twice gives the same ids — unlike nbformat's random ones, which would make every upgrade a diff.
    /// A suffix keeps it unique among <paramref name="taken"/>, to which it is added.
    /// </summary>
    public static string Stable(int index, NotebookCellType type, string source, ISet<string> taken)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{index}\n{type}\n{source}"));
        return Unique(Convert.ToHexStringLower(hash, 0, 4), taken);
    }

    /// <summary><paramref name="preferred"/>, or it with <c>-2</c>, <c>-3</c>… until not in <paramref name="taken"/>; added to it.</summary>
    public static string Unique(string preferred, ISet<string> taken)
    {
        var id = preferred;
        for (var n = 2; taken.Contains(id); n++)
        {
            id = $"{preferred}-{n}";
        }
        taken.Add(id);
        return id;
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]+$")]
    private static partial Regex IdPattern();
}

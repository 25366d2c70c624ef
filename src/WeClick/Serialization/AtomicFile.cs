namespace WeClick.Serialization;

/// <summary>
/// Writes a file all-or-nothing: the content goes to a temporary file in the target's folder, is
/// flushed to disk, and then renamed over the target, so that a crash or an exception never leaves
/// a half-written file where a complete one was (DESIGN.md: checkpoints are written atomically).
/// </summary>
public static class AtomicFile
{
    /// <summary>
    /// Calls <paramref name="write"/> with a stream on a temporary file next to <paramref name="path"/>,
    /// flushes it to disk (<see cref="FileStream.Flush(bool)"/> with <c>true</c>) and moves it over
    /// <paramref name="path"/>. If anything throws, the temporary file is deleted, an existing file at
    /// <paramref name="path"/> is left untouched and the exception propagates.
    /// </summary>
    /// <remarks>The rename is atomic on POSIX file systems; the folder itself is not fsynced. A symbolic link at
    /// <paramref name="path"/> is replaced by the new file (its target is not written), and the new file gets
    /// default permissions rather than the old file's.</remarks>
    /// <exception cref="ArgumentException"><paramref name="path"/> is empty or names a folder.</exception>
    /// <exception cref="DirectoryNotFoundException">The target's folder does not exist.</exception>
    public static void Write(string path, Action<FileStream> write)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        ArgumentNullException.ThrowIfNull(write);
        var full = Path.GetFullPath(path);
        var name = Path.GetFileName(full);
        if (name.Length == 0)
        {
            throw new ArgumentException($"'{path}' names a folder, not a file.", nameof(path));
        }
        var folder = Path.GetDirectoryName(full)!;
        // Hidden, unique, and in the same folder (so on the same file system, which makes the rename atomic).
        var temp = Path.Combine(folder, $".{name}.{Guid.NewGuid():N}.tmp");
        try
        {
            using (var stream = new FileStream(temp, FileMode.CreateNew, FileAccess.Write, FileShare.None, bufferSize: 1 << 16))
            {
                write(stream);
                stream.Flush(flushToDisk: true);
            }
            File.Move(temp, full, overwrite: true);
        }
        catch
        {
            TryDelete(temp);
            throw;
        }
    }

    private static void TryDelete(string temp)
    {
        try
        {
            File.Delete(temp);
        }
        catch (IOException)
        {
            // The original exception matters more; a leftover hidden .tmp file is harmless.
        }
        catch (UnauthorizedAccessException)
        {
        }
    }
}

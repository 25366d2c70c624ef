using System.Globalization;

namespace WeClick.Benchmarks;

/// <summary>
/// Peak resident memory of this process per phase (Linux): writing "5" to /proc/self/clear_refs resets VmHWM (the
/// high-water mark) to the current RSS, so VmHWM read after a call, minus VmRSS read at the reset, is the call's peak
/// growth of the resident set (man 5 proc). With <c>trim</c>, glibc's malloc_trim(0) first hands the allocator's free
/// pages back to the system, so that the call's allocations are paged in afresh and counted, rather than reusing heap kept
/// from earlier calls (which would read as almost 0). Elsewhere both read 0.
/// </summary>
internal static partial class ProcessMemory
{
    [System.Runtime.InteropServices.LibraryImport("libc", EntryPoint = "malloc_trim")]
    private static partial int MallocTrim(nuint pad);

    /// <summary>Optionally trims the heap, resets the high-water mark and returns the current resident set in bytes.</summary>
    public static long ResetPeak(bool trim = false)
    {
        if (trim && OperatingSystem.IsLinux())
        {
            try
            {
                MallocTrim(0);
            }
            catch (Exception e) when (e is DllNotFoundException or EntryPointNotFoundException)
            {
                // Not glibc: the growth then counts only pages beyond the retained heap.
            }
        }
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Not Linux, or not allowed: PeakBytes then reads the process-lifetime peak and the delta over-states.
        }
        return Read("VmRSS:");
    }

    /// <summary>VmRSS in bytes (the resident set now), without trimming or resetting anything; 0 where there is no /proc.</summary>
    public static long ResidentBytes() => Read("VmRSS:");

    /// <summary>VmHWM in bytes (the peak since the last reset).</summary>
    public static long PeakBytes() => Read("VmHWM:");

    private static long Read(string key)
    {
        const string status = "/proc/self/status";
        if (!File.Exists(status))
        {
            return 0;
        }
        foreach (var line in File.ReadLines(status))
        {
            if (line.StartsWith(key, StringComparison.Ordinal))
            {
                var kib = line[key.Length..].Trim().Split(' ')[0];
                return long.Parse(kib, CultureInfo.InvariantCulture) * 1024;
            }
        }
        return 0;
    }
}

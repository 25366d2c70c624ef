using System.Globalization;
using System.Text;
using Microsoft.Data.Sqlite;
using WeClick.Serialization;
using WeClick.Training;

namespace WeClick.Experiments;

public sealed partial class ResultStore
{
    /// <summary>The runs that match <paramref name="filter"/>, in id order.</summary>
    public IReadOnlyList<RunRecord> Runs(RunFilter? filter = null)
    {
        filter ??= new RunFilter();
        return Read(() =>
        {
            using var command = Command("""
                SELECT id, experiment, role, variant, seed, config, status, started, ended, checkpoint, message FROM runs
                WHERE ($experiment IS NULL OR experiment = $experiment) AND ($role IS NULL OR role = $role)
                  AND ($variant IS NULL OR variant = $variant) AND ($status IS NULL OR status = $status)
                ORDER BY id;
                """, null);
            command.Parameters.AddWithValue("$experiment", (object?)filter.Experiment ?? DBNull.Value);
            command.Parameters.AddWithValue("$role", filter.Role is { } role ? Text(role) : DBNull.Value);
            command.Parameters.AddWithValue("$variant", (object?)filter.Variant ?? DBNull.Value);
            command.Parameters.AddWithValue("$status", filter.Status is { } status ? Text(status) : DBNull.Value);
            using var reader = command.ExecuteReader();
            var runs = new List<RunRecord>();
            while (reader.Read())
            {
                runs.Add(new RunRecord(
                    reader.GetInt64(0), reader.GetString(1), reader.GetString(2) == "teacher" ? TrainingRole.Teacher : TrainingRole.Student,
                    reader.GetString(3), reader.GetInt32(4), reader.GetString(5),
                    reader.GetString(6) switch { "running" => RunStatus.Running, "finished" => RunStatus.Finished, _ => RunStatus.Failed },
                    ParseTime(reader.GetString(7)), reader.IsDBNull(8) ? null : ParseTime(reader.GetString(8)),
                    reader.IsDBNull(9) ? null : reader.GetString(9), reader.IsDBNull(10) ? null : reader.GetString(10)));
            }
            return runs;
        });
    }

    /// <summary>The experiment names in the store, sorted.</summary>
    public IReadOnlyList<string> Experiments() =>
        Rows("SELECT DISTINCT experiment FROM runs ORDER BY experiment;", null, r => r.GetString(0));

    /// <summary>A run's final metrics by name.</summary>
    public IReadOnlyDictionary<string, double> FinalMetrics(long run) =>
        Rows("SELECT name, value FROM final_metrics WHERE run = $run ORDER BY name;", run, r => (r.GetString(0), r.GetDouble(1)))
            .ToDictionary(p => p.Item1, p => p.Item2);

    /// <summary>A run's per-epoch metrics in logging order.</summary>
    public IReadOnlyList<EpochMetric> EpochMetrics(long run) =>
        Rows("SELECT epoch, step, name, value FROM epoch_metrics WHERE run = $run ORDER BY rowid;", run,
            r => new EpochMetric(r.GetInt32(0), r.GetInt64(1), r.GetString(2), r.GetDouble(3)));

    /// <summary>A run's per-class IoU by class index.</summary>
    public IReadOnlyList<ClassIoU> PerClassIoU(long run) =>
        Rows("SELECT class_index, class_name, iou FROM class_iou WHERE run = $run ORDER BY class_index;", run,
            r => new ClassIoU(r.GetInt32(0), r.GetString(1), r.IsDBNull(2) ? null : r.GetDouble(2)));

    /// <summary>A run's timings in logging order.</summary>
    public IReadOnlyList<(string Name, double Seconds)> Timings(long run) =>
        Rows("SELECT name, seconds FROM timings WHERE run = $run ORDER BY rowid;", run, r => (r.GetString(0), r.GetDouble(1)));

    /// <summary>
    /// The finished runs of <paramref name="experiment"/> grouped by (role, variant, config without its seeds), each final
    /// metric as mean ± std over the seeds (sample std, 0 for one seed). Failed and running runs are left out. Groups in
    /// order of their first run. Two settings of one row in one workspace (say the teacher with and without the Gated CRF)
    /// are two groups with different <see cref="RunGroupSummary.Config"/>, never one mean.
    /// </summary>
    public IReadOnlyList<RunGroupSummary> Summaries(string experiment)
    {
        var runs = Runs(new RunFilter(Experiment: experiment, Status: RunStatus.Finished));
        var summaries = new List<RunGroupSummary>();
        foreach (var group in runs.GroupBy(r => (r.Role, r.Variant, Config: ConfigKey(r.ConfigJson))))
        {
            var metrics = group.Select(r => FinalMetrics(r.Id)).ToArray();
            var names = metrics.SelectMany(m => m.Keys).Distinct().Order(StringComparer.Ordinal);
            summaries.Add(new RunGroupSummary(group.Key.Role, group.Key.Variant, group.Select(r => r.Seed).Order().ToArray(),
                names.ToDictionary(n => n, n => SeedSummary.Of(metrics.Where(m => m.ContainsKey(n)).Select(m => m[n]))), group.Key.Config));
        }
        return summaries;
    }

    /// <summary>
    /// Eight hex digits of a run's recorded config (its identity JSON) without the <c>seeds</c> key: equal for the seeds of
    /// one setting (a teacher's identity lists its own seed, a student's the config's seeds), different for two settings.
    /// </summary>
    public static string ConfigKey(string configJson)
    {
        ArgumentNullException.ThrowIfNull(configJson);
        var node = System.Text.Json.Nodes.JsonNode.Parse(configJson) as System.Text.Json.Nodes.JsonObject
            ?? throw new ArgumentException("A run's config must be a JSON object.", nameof(configJson));
        node.Remove("seeds");
        return RunIdentity.KeyOf(node.ToJsonString());
    }

    /// <summary>
    /// Writes a table (one of <see cref="Tables"/>) or the result of a read-only <c>SELECT</c>/<c>WITH</c> query to a CSV
    /// file (RFC 4180 quoting, header of column names), atomically.
    /// </summary>
    /// <returns>The number of data rows written.</returns>
    /// <exception cref="ArgumentException">Neither a table name nor a SELECT query, or a query SQLite rejects (its message).</exception>
    public int ExportCsv(string tableOrQuery, string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(tableOrQuery);
        ArgumentException.ThrowIfNullOrEmpty(path);
        var trimmed = tableOrQuery.Trim();
        string sql;
        if (Tables.Contains(trimmed))
        {
            sql = $"SELECT * FROM {trimmed} ORDER BY rowid;";
        }
        else if (trimmed.StartsWith("select", StringComparison.OrdinalIgnoreCase) || trimmed.StartsWith("with", StringComparison.OrdinalIgnoreCase))
        {
            sql = trimmed;
        }
        else
        {
            throw new ArgumentException($"'{tableOrQuery}' is neither a table ({string.Join(", ", Tables)}) nor a SELECT query.", nameof(tableOrQuery));
        }
        var (header, rows) = Read(() =>
        {
            using var command = Command(sql, null);
            // query_only: a "SELECT" that smuggles in a write (WITH ... DELETE, a second statement) fails instead of running.
            Execute(connection, "PRAGMA query_only = ON;");
            try
            {
                using var reader = command.ExecuteReader();
                var names = Enumerable.Range(0, reader.FieldCount).Select(reader.GetName).ToArray();
                var values = new List<IReadOnlyList<object?>>();
                while (reader.Read())
                {
                    var row = new object?[reader.FieldCount];
                    reader.GetValues(row!);
                    values.Add(row);
                }
                return (names, values);
            }
            catch (SqliteException e)
            {
                throw new ArgumentException($"export: query failed: {e.Message}", nameof(tableOrQuery), e);
            }
            finally
            {
                Execute(connection, "PRAGMA query_only = OFF;");
            }
        });
        var bytes = Encoding.UTF8.GetBytes(Csv.Write(header, rows));
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        AtomicFile.Write(path, stream => stream.Write(bytes));
        return rows.Count;
    }

    private List<T> Rows<T>(string sql, long? run, Func<SqliteDataReader, T> map) => Read(() =>
    {
        using var command = Command(sql, null);
        if (run is { } id)
        {
            command.Parameters.AddWithValue("$run", id);
        }
        using var reader = command.ExecuteReader();
        var rows = new List<T>();
        while (reader.Read())
        {
            rows.Add(map(reader));
        }
        return rows;
    });

    private T Read<T>(Func<T> read)
    {
        lock (gate)
        {
            return read();
        }
    }

    private static DateTimeOffset ParseTime(string text) =>
        DateTimeOffset.Parse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AdjustToUniversal);
}

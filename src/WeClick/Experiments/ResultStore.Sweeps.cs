using System.Text.Json;

namespace WeClick.Experiments;

// The sweeps that group runs (schema version 2): which runs form which sweep, at which axis values.
public sealed partial class ResultStore
{
    /// <summary>The sweep of this key, recorded now if the store does not hold it yet.</summary>
    /// <returns>Its id.</returns>
    public long EnsureSweep(Sweep sweep)
    {
        ArgumentNullException.ThrowIfNull(sweep);
        var key = sweep.Key();
        var definition = sweep.DefinitionJson();
        return Write(transaction =>
        {
            using (var insert = Command("""
                INSERT INTO sweeps (name, experiment, key, definition, created) VALUES ($name, $experiment, $key, $definition, $created)
                ON CONFLICT (key) DO NOTHING;
                """, transaction))
            {
                insert.Parameters.AddWithValue("$name", sweep.Name);
                insert.Parameters.AddWithValue("$experiment", sweep.Base.Name);
                insert.Parameters.AddWithValue("$key", key);
                insert.Parameters.AddWithValue("$definition", definition);
                insert.Parameters.AddWithValue("$created", Time(DateTimeOffset.UtcNow));
                insert.ExecuteNonQuery();
            }
            using var select = Command("SELECT id FROM sweeps WHERE key = $key;", transaction);
            select.Parameters.AddWithValue("$key", key);
            return (long)select.ExecuteScalar()!;
        });
    }

    /// <summary>Records that <paramref name="run"/> belongs to <paramref name="sweep"/> at <paramref name="point"/> (again: no change).</summary>
    /// <exception cref="ArgumentException">No such run or sweep.</exception>
    public void AddSweepRun(long sweep, long run, string point, IEnumerable<KeyValuePair<string, string>> axisValues)
    {
        ArgumentException.ThrowIfNullOrEmpty(point);
        ArgumentNullException.ThrowIfNull(axisValues);
        var values = JsonSerializer.Serialize(axisValues.ToDictionary(p => p.Key, p => p.Value));
        Write(transaction =>
        {
            RequireRun(run, transaction);
            using var command = Command("""
                INSERT INTO sweep_runs (sweep, run, point, axis_values)
                SELECT $sweep, $run, $point, $values WHERE EXISTS (SELECT 1 FROM sweeps WHERE id = $sweep)
                ON CONFLICT (sweep, run) DO UPDATE SET point = excluded.point, axis_values = excluded.axis_values;
                """, transaction);
            command.Parameters.AddWithValue("$sweep", sweep);
            command.Parameters.AddWithValue("$run", run);
            command.Parameters.AddWithValue("$point", point);
            command.Parameters.AddWithValue("$values", values);
            if (command.ExecuteNonQuery() == 0)
            {
                throw new ArgumentException($"{Path}: no sweep {sweep}.", nameof(sweep));
            }
            return 0;
        });
    }

    /// <summary>The sweeps in the store (of one experiment name when given), oldest first.</summary>
    public IReadOnlyList<SweepRecord> Sweeps(string? name = null) => Read(() =>
    {
        using var command = Command("""
            SELECT s.id, s.name, s.experiment, s.key, s.definition, s.created, (SELECT count(*) FROM sweep_runs r WHERE r.sweep = s.id)
            FROM sweeps s WHERE $name IS NULL OR s.name = $name ORDER BY s.id;
            """, null);
        command.Parameters.AddWithValue("$name", (object?)name ?? DBNull.Value);
        using var reader = command.ExecuteReader();
        var sweeps = new List<SweepRecord>();
        while (reader.Read())
        {
            sweeps.Add(new SweepRecord(reader.GetInt64(0), reader.GetString(1), reader.GetString(2), reader.GetString(3), reader.GetString(4),
                ParseTime(reader.GetString(5)), reader.GetInt32(6)));
        }
        return sweeps;
    });

    /// <summary>The runs of a sweep with their points, in run order.</summary>
    public IReadOnlyList<SweepMember> SweepRuns(long sweep)
    {
        var points = Read(() =>
        {
            using var command = Command("SELECT run, point, axis_values FROM sweep_runs WHERE sweep = $sweep ORDER BY run;", null);
            command.Parameters.AddWithValue("$sweep", sweep);
            using var reader = command.ExecuteReader();
            var rows = new List<(long Run, string Point, string Values)>();
            while (reader.Read())
            {
                rows.Add((reader.GetInt64(0), reader.GetString(1), reader.GetString(2)));
            }
            return rows;
        });
        var runs = Runs().ToDictionary(r => r.Id);
        return points.Select(p => new SweepMember(runs[p.Run], p.Point,
            JsonSerializer.Deserialize<Dictionary<string, string>>(p.Values) ?? new Dictionary<string, string>())).ToArray();
    }
}

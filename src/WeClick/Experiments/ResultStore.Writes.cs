using Microsoft.Data.Sqlite;
using WeClick.Training;

namespace WeClick.Experiments;

public sealed partial class ResultStore
{
    /// <summary>Records a run that starts now (status running).</summary>
    /// <param name="experiment">The experiment's name.</param>
    /// <param name="role">Teacher or student.</param>
    /// <param name="variant">The Table 1 row, e.g. <c>weakly+KD+MFD</c>.</param>
    /// <param name="seed">The run's seed.</param>
    /// <param name="config">The effective config (stored as JSON).</param>
    /// <param name="checkpoint">Where the run's checkpoint goes, if known now.</param>
    /// <returns>The run's id.</returns>
    public long StartRun(string experiment, TrainingRole role, string variant, int seed, ExperimentConfig config, string? checkpoint = null)
    {
        ArgumentException.ThrowIfNullOrEmpty(experiment);
        ArgumentException.ThrowIfNullOrEmpty(variant);
        var json = ConfigFile.ToJson(config);
        return Write(transaction =>
        {
            using var command = Command("""
                INSERT INTO runs (experiment, role, variant, seed, config, status, started, checkpoint)
                VALUES ($experiment, $role, $variant, $seed, $config, 'running', $started, $checkpoint) RETURNING id;
                """, transaction);
            command.Parameters.AddWithValue("$experiment", experiment);
            command.Parameters.AddWithValue("$role", Text(role));
            command.Parameters.AddWithValue("$variant", variant);
            command.Parameters.AddWithValue("$seed", seed);
            command.Parameters.AddWithValue("$config", json);
            command.Parameters.AddWithValue("$started", Time(DateTimeOffset.UtcNow));
            command.Parameters.AddWithValue("$checkpoint", (object?)checkpoint ?? DBNull.Value);
            return (long)command.ExecuteScalar()!;
        });
    }

    /// <summary>Logs metrics of a run at an epoch and step (one row per metric).</summary>
    /// <exception cref="ArgumentException">No such run.</exception>
    public void LogEpoch(long run, int epoch, long step, IReadOnlyDictionary<string, double> metrics)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Write(transaction =>
        {
            RequireRun(run, transaction);
            using var command = Command("INSERT INTO epoch_metrics (run, epoch, step, name, value) VALUES ($run, $epoch, $step, $name, $value);", transaction);
            var name = command.Parameters.Add("$name", SqliteType.Text);
            var value = command.Parameters.Add("$value", SqliteType.Real);
            command.Parameters.AddWithValue("$run", run);
            command.Parameters.AddWithValue("$epoch", epoch);
            command.Parameters.AddWithValue("$step", step);
            foreach (var (key, number) in metrics)
            {
                name.Value = key;
                value.Value = number;
                command.ExecuteNonQuery();
            }
            return 0;
        });
    }

    /// <summary>Logs a timing of a run (e.g. <c>train</c>, <c>eval</c>, <c>fps-median-frame</c>).</summary>
    /// <exception cref="ArgumentException">No such run.</exception>
    public void LogTiming(long run, string name, double seconds)
    {
        ArgumentException.ThrowIfNullOrEmpty(name);
        Write(transaction =>
        {
            RequireRun(run, transaction);
            using var command = Command("INSERT INTO timings (run, name, seconds) VALUES ($run, $name, $seconds);", transaction);
            command.Parameters.AddWithValue("$run", run);
            command.Parameters.AddWithValue("$name", name);
            command.Parameters.AddWithValue("$seconds", seconds);
            return command.ExecuteNonQuery();
        });
    }

    /// <summary>Marks a run finished now with its final metrics and per-class IoU (replacing any logged before).</summary>
    /// <param name="run">The run.</param>
    /// <param name="metrics">Final metrics by name (e.g. <c>mIoU</c>, <c>mPA</c>, <c>pixelAccuracy</c>).</param>
    /// <param name="classIoU">Per-class IoU, or null.</param>
    /// <param name="checkpoint">The final checkpoint's path, or null to keep the one recorded.</param>
    /// <exception cref="ArgumentException">No such run.</exception>
    public void FinishRun(long run, IReadOnlyDictionary<string, double> metrics, IReadOnlyList<ClassIoU>? classIoU = null, string? checkpoint = null)
    {
        ArgumentNullException.ThrowIfNull(metrics);
        Write(transaction =>
        {
            End(run, RunStatus.Finished, null, checkpoint, transaction);
            using (var command = Command("INSERT OR REPLACE INTO final_metrics (run, name, value) VALUES ($run, $name, $value);", transaction))
            {
                command.Parameters.AddWithValue("$run", run);
                var name = command.Parameters.Add("$name", SqliteType.Text);
                var value = command.Parameters.Add("$value", SqliteType.Real);
                foreach (var (key, number) in metrics)
                {
                    name.Value = key;
                    value.Value = number;
                    command.ExecuteNonQuery();
                }
            }
            using (var command = Command("INSERT OR REPLACE INTO class_iou (run, class_index, class_name, iou) VALUES ($run, $index, $name, $iou);", transaction))
            {
                command.Parameters.AddWithValue("$run", run);
                var index = command.Parameters.Add("$index", SqliteType.Integer);
                var name = command.Parameters.Add("$name", SqliteType.Text);
                var iou = command.Parameters.Add("$iou", SqliteType.Real);
                foreach (var row in classIoU ?? [])
                {
                    index.Value = row.ClassIndex;
                    name.Value = row.ClassName;
                    iou.Value = (object?)row.IoU ?? DBNull.Value;
                    command.ExecuteNonQuery();
                }
            }
            return 0;
        });
    }

    /// <summary>Marks a run failed now, keeping the message.</summary>
    /// <exception cref="ArgumentException">No such run.</exception>
    public void FailRun(long run, string message)
    {
        ArgumentNullException.ThrowIfNull(message);
        Write(transaction =>
        {
            End(run, RunStatus.Failed, message, null, transaction);
            return 0;
        });
    }

    private void End(long run, RunStatus status, string? message, string? checkpoint, SqliteTransaction transaction)
    {
        using var command = Command("""
            UPDATE runs SET status = $status, ended = $ended, message = $message, checkpoint = coalesce($checkpoint, checkpoint)
            WHERE id = $run;
            """, transaction);
        command.Parameters.AddWithValue("$status", Text(status));
        command.Parameters.AddWithValue("$ended", Time(DateTimeOffset.UtcNow));
        command.Parameters.AddWithValue("$message", (object?)message ?? DBNull.Value);
        command.Parameters.AddWithValue("$checkpoint", (object?)checkpoint ?? DBNull.Value);
        command.Parameters.AddWithValue("$run", run);
        if (command.ExecuteNonQuery() == 0)
        {
            throw new ArgumentException($"{Path}: no run {run}.", nameof(run));
        }
    }

    private void RequireRun(long run, SqliteTransaction transaction)
    {
        using var command = Command("SELECT count(*) FROM runs WHERE id = $run;", transaction);
        command.Parameters.AddWithValue("$run", run);
        if ((long)command.ExecuteScalar()! == 0)
        {
            throw new ArgumentException($"{Path}: no run {run}.", nameof(run));
        }
    }

    /// <summary>Runs <paramref name="write"/> in one IMMEDIATE transaction: the write lock is taken up front (waiting up to
    /// the busy timeout for another process), so a transaction never fails half-way on a lock upgrade.</summary>
    private T Write<T>(Func<SqliteTransaction, T> write)
    {
        lock (gate)
        {
            using var transaction = connection.BeginTransaction(deferred: false);
            var result = write(transaction);
            transaction.Commit();
            return result;
        }
    }

    private SqliteCommand Command(string sql, SqliteTransaction? transaction)
    {
        var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command;
    }
}

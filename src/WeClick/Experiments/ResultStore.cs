using System.Globalization;
using Microsoft.Data.Sqlite;
using WeClick.Training;

namespace WeClick.Experiments;

/// <summary>
/// The results of a workspace in one SQLite file (<c>&lt;workspace&gt;/results.sqlite</c>): runs with their configs,
/// per-epoch metrics, final metrics, per-class IoU and timings. Notebooks read it with any SQLite client; runs of several
/// processes write it at once (WAL journal, busy timeout, every write one IMMEDIATE transaction).
/// </summary>
/// <remarks>
/// Tables: <c>runs(id, experiment, role, variant, seed, config, status, started, ended, checkpoint, message)</c>,
/// <c>epoch_metrics(run, epoch, step, name, value)</c>, <c>final_metrics(run, name, value)</c>,
/// <c>class_iou(run, class_index, class_name, iou)</c>, <c>timings(run, name, seconds)</c>, and since version 2 the sweeps
/// that group runs: <c>sweeps(id, name, experiment, key, definition, created)</c> and
/// <c>sweep_runs(sweep, run, point, axis_values)</c> (<see cref="Sweep"/>). Roles and statuses are
/// lower-case text, times ISO 8601 UTC text. The schema version is SQLite's <c>user_version</c>; a file of a newer
/// version is refused rather than misread. One instance holds one connection and serialises its own calls, so it may be
/// shared between threads.
/// </remarks>
public sealed partial class ResultStore : IDisposable
{
    /// <summary>The store's file name inside a workspace.</summary>
    public const string FileName = "results.sqlite";

    /// <summary>The schema version this code writes (<c>PRAGMA user_version</c>).</summary>
    public const int SchemaVersion = 2;

    /// <summary>The tables <see cref="ExportCsv"/> accepts by name.</summary>
    public static IReadOnlyList<string> Tables { get; } = ["runs", "epoch_metrics", "final_metrics", "class_iou", "timings", "sweeps", "sweep_runs"];

    private readonly SqliteConnection connection;
    private readonly Lock gate = new();

    /// <summary>The store's file.</summary>
    public string Path { get; }

    private ResultStore(string path, SqliteConnection connection)
    {
        Path = path;
        this.connection = connection;
    }

    /// <summary>The store of a workspace folder (created with the folder if missing).</summary>
    public static ResultStore ForWorkspace(string workspace) => Open(System.IO.Path.Combine(workspace, FileName));

    /// <summary>Opens the store at <paramref name="path"/>, creating the file, its folder and the schema if missing.</summary>
    /// <exception cref="InvalidOperationException">The file has a newer schema than this code knows, or is not a store.</exception>
    public static ResultStore Open(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var folder = System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(path));
        if (folder is not null)
        {
            Directory.CreateDirectory(folder);
        }
        return Connect(path, SqliteOpenMode.ReadWriteCreate);
    }

    /// <summary>Opens an existing store (never creates one: listing a workspace must not leave a file behind).</summary>
    /// <exception cref="FileNotFoundException">No store at <paramref name="path"/> (named).</exception>
    public static ResultStore OpenExisting(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"{path}: no results store (runs write one there).", path);
        }
        return Connect(path, SqliteOpenMode.ReadWrite);
    }

    private static ResultStore Connect(string path, SqliteOpenMode mode)
    {
        // Pooling off: the file is closed when the store is disposed (tests delete their folders; notebooks move files).
        var text = new SqliteConnectionStringBuilder { DataSource = path, Mode = mode, Pooling = false, DefaultTimeout = 60 }.ToString();
        var connection = new SqliteConnection(text);
        try
        {
            connection.Open();
            Execute(connection, "PRAGMA busy_timeout = 60000;");
            Execute(connection, "PRAGMA journal_mode = WAL;");
            Execute(connection, "PRAGMA foreign_keys = ON;");
            var store = new ResultStore(path, connection);
            store.Migrate();
            return store;
        }
        catch (SqliteException e)
        {
            connection.Dispose();
            throw new InvalidOperationException($"{path}: not a usable results store: {e.Message}", e);
        }
        catch
        {
            connection.Dispose();
            throw;
        }
    }

    /// <summary>Creates the schema of a new file and brings an older one up to date (version 1 → 2 adds the sweep tables,
    /// leaving every run as it was); refuses a newer one. In one IMMEDIATE transaction, so two processes opening a new file
    /// at once create it once.</summary>
    private void Migrate()
    {
        using var transaction = connection.BeginTransaction(deferred: false);
        var version = Convert.ToInt32(Scalar("PRAGMA user_version;", transaction), CultureInfo.InvariantCulture);
        if (version > SchemaVersion)
        {
            throw new InvalidOperationException($"{Path}: results store schema version {version} is newer than this weclick's ({SchemaVersion}); use a newer weclick or another workspace.");
        }
        if (version == 0)
        {
            Execute(connection, """
                CREATE TABLE runs (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    experiment TEXT NOT NULL,
                    role TEXT NOT NULL CHECK (role IN ('teacher', 'student')),
                    variant TEXT NOT NULL,
                    seed INTEGER NOT NULL,
                    config TEXT NOT NULL,
                    status TEXT NOT NULL CHECK (status IN ('running', 'finished', 'failed')),
                    started TEXT NOT NULL,
                    ended TEXT,
                    checkpoint TEXT,
                    message TEXT);
                CREATE INDEX runs_experiment ON runs (experiment, role, variant);
                CREATE TABLE epoch_metrics (
                    run INTEGER NOT NULL REFERENCES runs (id),
                    epoch INTEGER NOT NULL,
                    step INTEGER NOT NULL,
                    name TEXT NOT NULL,
                    value REAL NOT NULL);
                CREATE INDEX epoch_metrics_run ON epoch_metrics (run);
                CREATE TABLE final_metrics (
                    run INTEGER NOT NULL REFERENCES runs (id),
                    name TEXT NOT NULL,
                    value REAL NOT NULL,
                    PRIMARY KEY (run, name));
                CREATE TABLE class_iou (
                    run INTEGER NOT NULL REFERENCES runs (id),
                    class_index INTEGER NOT NULL,
                    class_name TEXT NOT NULL,
                    iou REAL,
                    PRIMARY KEY (run, class_index));
                CREATE TABLE timings (
                    run INTEGER NOT NULL REFERENCES runs (id),
                    name TEXT NOT NULL,
                    seconds REAL NOT NULL);
                CREATE INDEX timings_run ON timings (run);
                """, transaction);
        }
        if (version < 2)
        {
            Execute(connection, """
                CREATE TABLE sweeps (
                    id INTEGER PRIMARY KEY AUTOINCREMENT,
                    name TEXT NOT NULL,
                    experiment TEXT NOT NULL,
                    key TEXT NOT NULL UNIQUE,
                    definition TEXT NOT NULL,
                    created TEXT NOT NULL);
                CREATE TABLE sweep_runs (
                    sweep INTEGER NOT NULL REFERENCES sweeps (id),
                    run INTEGER NOT NULL REFERENCES runs (id),
                    point TEXT NOT NULL,
                    axis_values TEXT NOT NULL,
                    PRIMARY KEY (sweep, run));
                """, transaction);
        }
        if (version < SchemaVersion)
        {
            Execute(connection, $"PRAGMA user_version = {SchemaVersion};", transaction);
        }
        transaction.Commit();

    }

    /// <summary>Closes the file.</summary>
    public void Dispose() => connection.Dispose();

    private static void Execute(SqliteConnection connection, string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        command.ExecuteNonQuery();
    }

    private object? Scalar(string sql, SqliteTransaction? transaction = null)
    {
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        command.Transaction = transaction;
        return command.ExecuteScalar();
    }

    private static string Text(TrainingRole role) => role == TrainingRole.Teacher ? "teacher" : "student";

    private static string Text(RunStatus status) => status switch
    {
        RunStatus.Running => "running",
        RunStatus.Finished => "finished",
        _ => "failed",
    };

    private static string Time(DateTimeOffset time) => time.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
}

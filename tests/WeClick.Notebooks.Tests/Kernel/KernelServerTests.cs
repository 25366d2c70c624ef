using System.Net;
using System.Net.Sockets;
using WeClick.Notebooks.Kernel;

namespace WeClick.Notebooks.Tests.Kernel;

[Collection(KernelTestCollection.Name)]
public sealed class KernelServerTests
{
    [Fact]
    public void Run_WithPortInUse_ThrowsNamingSocketAndEndpoint_AndDisposesExecutor()
    {
        using var occupied = new TcpListener(IPAddress.Loopback, 0);
        occupied.Start();
        var port = ((IPEndPoint)occupied.LocalEndpoint).Port;
        var folder = KernelFixtures.TempFolder();
        var connection = ConnectionFile.Load(KernelFixtures.WriteConnectionFile(folder)) with { ControlPort = port };
        var executor = new ScriptedCellExecutor();

        var error = Assert.Throws<ZmqException>(() => new KernelServer(connection, executor, TextWriter.Null).Run(CancellationToken.None));

        Assert.Contains($"could not bind the control socket to tcp://127.0.0.1:{port}", error.Message);
        Assert.Contains("in use", error.Message);
        Assert.True(executor.Disposed);
        Directory.Delete(folder, recursive: true);
    }

    [Fact]
    public void Run_StopsWhenCancelled_AndRunsOnce()
    {
        var folder = KernelFixtures.TempFolder();
        var server = new KernelServer(ConnectionFile.Load(KernelFixtures.WriteConnectionFile(folder)), new ScriptedCellExecutor(), TextWriter.Null);
        using var cancel = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
        var started = DateTime.UtcNow;

        server.Run(cancel.Token);

        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(5));
        Assert.Throws<InvalidOperationException>(() => server.Run(CancellationToken.None));
        Directory.Delete(folder, recursive: true);
    }
}

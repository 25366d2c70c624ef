using WeClick.Notebooks.Kernel;

namespace WeClick.Notebooks.Tests.Kernel;

public sealed class ConnectionFileTests
{
    private const string Valid = """
        {"transport": "tcp", "ip": "127.0.0.1", "shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003,
         "control_port": 5004, "hb_port": 5005, "key": "abc", "signature_scheme": "hmac-sha256", "kernel_name": "weclick-csharp"}
        """;

    [Fact]
    public void Load_ReadsEveryField()
    {
        var path = Write(Valid);
        var file = ConnectionFile.Load(path);
        Assert.Equal(("tcp", "127.0.0.1", "abc", "weclick-csharp"), (file.Transport, file.Ip, file.Key, file.KernelName));
        Assert.Equal((5001, 5002, 5003, 5004, 5005), (file.ShellPort, file.IopubPort, file.StdinPort, file.ControlPort, file.HeartbeatPort));
        Assert.Equal("tcp://127.0.0.1:5001", file.Endpoint(file.ShellPort));
        Assert.Equal("ipc://kernel-ipc-5001", (file with { Transport = "ipc", Ip = "kernel-ipc" }).Endpoint(5001));
    }

    [Theory]
    [InlineData("\"shell_port\": 5001, ", "", "has no 'shell_port'")]
    [InlineData("\"shell_port\": 5001", "\"shell_port\": 70000", "'shell_port' must be a port number in 1..65535; got 70000")]
    [InlineData("\"hb_port\": 5005", "\"hb_port\": \"5005\"", "'hb_port' must be a port number in 1..65535; got \"5005\"")]
    [InlineData("\"ip\": \"127.0.0.1\", ", "", "has no 'ip'")]
    [InlineData("\"key\": \"abc\", ", "", "has no 'key'")]
    [InlineData("hmac-sha256", "hmac-md5", "'signature_scheme' \"hmac-md5\" is not supported")]
    [InlineData("\"transport\": \"tcp\"", "\"transport\": \"udp\"", "'transport' must be \"tcp\" or \"ipc\"")]
    [InlineData("\"key\": \"abc\"", "\"key\": 12", "'key' must be a string")]
    public void Load_NamesTheFileAndTheKey(string find, string replace, string expected)
    {
        var path = Write(Valid.Replace(find, replace, StringComparison.Ordinal));
        var error = Assert.Throws<ConnectionFileException>(() => ConnectionFile.Load(path));
        Assert.Contains($"'{path}'", error.Message);
        Assert.Contains(expected, error.Message);
    }

    [Fact]
    public void Load_ReportsMissingFileAndBadJson()
    {
        var missing = Path.Combine(KernelFixtures.TempFolder(), "absent.json");
        Assert.Contains($"'{missing}' does not exist", Assert.Throws<FileNotFoundException>(() => ConnectionFile.Load(missing)).Message);
        var broken = Write("{\"ip\": ");
        Assert.Contains($"'{broken}' is not valid JSON", Assert.Throws<ConnectionFileException>(() => ConnectionFile.Load(broken)).Message);
    }

    private static string Write(string json)
    {
        var path = Path.Combine(KernelFixtures.TempFolder(), "connection.json");
        File.WriteAllText(path, json);
        return path;
    }
}

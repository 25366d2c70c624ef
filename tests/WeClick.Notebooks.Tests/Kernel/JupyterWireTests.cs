using System.Text;
using System.Text.Json.Nodes;
using WeClick.Notebooks.Kernel;

namespace WeClick.Notebooks.Tests.Kernel;

public sealed class JupyterWireTests
{
    private static readonly byte[][] Parts =
    [
        """{"msg_id":"a1","session":"s","username":"u","date":"2026-01-02T03:04:05.000000Z","msg_type":"execute_request","version":"5.3"}"""u8.ToArray(),
        "{}"u8.ToArray(),
        """{"k":"é"}"""u8.ToArray(),
        """{"code":"var x = 1;\nx","silent":false}"""u8.ToArray(),
    ];

    [Fact]
    public void Sign_MatchesPythonHmacSha256HexDigest()
    {
        const string key = "4b5d1c3e-0f2a-4c6b-9e8d-7a6b5c4d3e2f";
        var script = "import hmac, hashlib, sys\n" +
                     "parts = [bytes.fromhex(a) for a in sys.argv[2:]]\n" +
                     "print(hmac.new(sys.argv[1].encode(), b''.join(parts), hashlib.sha256).hexdigest())";
        var python = KernelFixtures.Run(KernelFixtures.Python, ["-c", script, key, .. Parts.Select(Convert.ToHexString)], TimeSpan.FromSeconds(30));
        Assert.True(python.ExitCode == 0, python.Stderr);

        Assert.Equal(python.Stdout.Trim(), new MessageSigner(key).Sign(Parts));
    }

    [Fact]
    public void EncodeThenDecode_KeepsIdentitiesJsonAndBuffers()
    {
        var signer = new MessageSigner("secret");
        var session = new KernelSession();
        var request = JupyterWire.Decode(Frames(signer, [[1, 2, 3]], Parts), signer);
        var reply = session.Reply(request, "execute_reply", new JsonObject { ["status"] = "ok", ["execution_count"] = 7 }) with { Buffers = [[9, 8]] };

        var frames = JupyterWire.Encode(reply, signer);
        var decoded = JupyterWire.Decode(frames, new MessageSigner("secret"));

        Assert.Equal([1, 2, 3], decoded.Identities.Single());
        Assert.Equal("execute_reply", decoded.MessageType);
        Assert.Equal(session.Id, (string)decoded.Header["session"]!);
        Assert.Equal("5.3", (string)decoded.Header["version"]!);
        Assert.EndsWith("Z", (string)decoded.Header["date"]!);
        Assert.True(Guid.TryParse((string)decoded.Header["msg_id"]!, out _));
        Assert.Equal("a1", (string)decoded.ParentHeader["msg_id"]!);
        Assert.Equal(7, (int)decoded.Content["execution_count"]!);
        Assert.Equal([9, 8], decoded.Buffers.Single());
        Assert.Equal("var x = 1;\nx", request.ContentString("code"));
    }

    [Fact]
    public void Decode_RejectsWrongMissingAndReplayedSignatures()
    {
        var signer = new MessageSigner("secret");
        var wrong = Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode(Frames(new MessageSigner("other"), [], Parts), signer));
        Assert.Equal("bad signature", wrong.Message);
        var missing = Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode(Frames(new MessageSigner(""), [], Parts), signer));
        Assert.Equal("missing signature", missing.Message);

        var tampered = Frames(signer, [], Parts);
        tampered[^1] = """{"code":"System.IO.File.Delete(\"x\")","silent":false}"""u8.ToArray();
        Assert.Equal("bad signature", Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode(tampered, signer)).Message);

        var once = Frames(signer, [], Parts);
        JupyterWire.Decode(once, signer);
        Assert.Equal("replayed signature", Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode(once, signer)).Message);
    }

    [Fact]
    public void Decode_WithoutKey_AcceptsUnsignedMessages()
    {
        var signer = new MessageSigner("");
        Assert.Equal("execute_request", JupyterWire.Decode(Frames(signer, [], Parts), signer).MessageType);
    }

    [Fact]
    public void Decode_RejectsMalformedFrames()
    {
        var signer = new MessageSigner("k");
        Assert.Equal("no <IDS|MSG> delimiter", Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode([[1], [2]], signer)).Message);
        Assert.StartsWith("too few frames", Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode([JupyterWire.Delimiter, [1]], signer)).Message);
        byte[][] noType = ["{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()];
        Assert.Equal("header has no msg_type", Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode(Frames(signer, [], noType), signer)).Message);
        byte[][] array = ["[1]"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray(), "{}"u8.ToArray()];
        Assert.Equal("header is not a JSON object", Assert.Throws<MalformedMessageException>(() => JupyterWire.Decode(Frames(signer, [], array), signer)).Message);
    }

    [Theory]
    [InlineData("abc", 2, 2)]
    [InlineData("\U0001F600x", 1, 2)]
    [InlineData("\U0001F600x", 2, 3)]
    [InlineData("a\U0001F600\U0001F601b", 3, 5)]
    [InlineData("ab", 10, 2)]
    public void CodePointOffsets_ConvertBothWays(string text, int codePoints, int utf16)
    {
        Assert.Equal(utf16, CodePointOffsets.ToUtf16(text, codePoints));
        Assert.Equal(Math.Min(codePoints, text.EnumerateRunes().Count()), CodePointOffsets.ToCodePoints(text, utf16));
    }

    private static List<byte[]> Frames(MessageSigner signer, byte[][] identities, byte[][] parts) =>
        [.. identities, JupyterWire.Delimiter, Encoding.ASCII.GetBytes(signer.Sign(parts)), .. parts];
}

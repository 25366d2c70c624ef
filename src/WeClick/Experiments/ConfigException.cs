namespace WeClick.Experiments;

/// <summary>
/// A config that cannot be read or used: an unknown key, a value of the wrong type, a semantic problem. The message is
/// one line naming the file (or <c>--set</c>), the key and the value, so the CLI prints it as it is.
/// </summary>
/// <remarks>An <see cref="ArgumentException"/> so that callers that already turn bad input into one-line errors (the
/// CLI's CommandRunner) handle it without a special case.</remarks>
public sealed class ConfigException(string message) : ArgumentException(message);

using System.Globalization;

namespace NordeaConnect.Bench.Load;

/// <summary>A command and its <c>--name value</c> options; every mistake names the option and what it expects.</summary>
internal sealed class CommandLine
{
    private readonly Dictionary<string, string> _values;

    private CommandLine(string command, Dictionary<string, string> values)
    {
        Command = command;
        _values = values;
    }

    public string Command { get; }

    public static CommandLine Parse(string[] args)
    {
        if (args.Length == 0)
        {
            throw new ArgumentException("No command: use mutations, scaling or prepare-get.");
        }

        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        for (var i = 1; i < args.Length; i += 2)
        {
            if (!args[i].StartsWith("--", StringComparison.Ordinal) || i + 1 >= args.Length)
            {
                throw new ArgumentException($"Expected '--option value' pairs after the command, got '{args[i]}'.");
            }

            values[args[i]] = args[i + 1];
        }

        return new CommandLine(args[0], values);
    }

    public string Required(string name) =>
        _values.TryGetValue(name, out var value) && value.Length > 0 ? value : throw new ArgumentException($"{name} is required for {Command}.");

    public string? Optional(string name) => _values.TryGetValue(name, out var value) && value.Length > 0 ? value : null;

    public int Int(string name, int fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} '{text}' is not a positive whole number.");

    public double Double(string name, double fallback) =>
        !_values.TryGetValue(name, out var text) ? fallback
        : double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value) && value > 0 ? value
        : throw new ArgumentException($"{name} '{text}' is not a positive number.");

    public Uri Uri(string name)
    {
        var text = Required(name);
        return System.Uri.TryCreate(text, UriKind.Absolute, out var uri) && uri.Scheme == System.Uri.UriSchemeHttp && uri.IsLoopback
            ? uri
            : throw new ArgumentException($"{name} '{text}' is not an http:// address on this machine (loopback only), e.g. http://127.0.0.1:5080.");
    }
}

using System.Diagnostics;
using System.Globalization;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// A PostgreSQL 15 server of this suite alone (initdb in a temporary directory, 127.0.0.1, a free port), so it can
/// be restarted mid-run without disturbing the test projects that share the machine's main cluster. Same binaries
/// as scripts/ensure-postgres.sh installs; runs as the postgres user.
/// </summary>
internal sealed class PrivatePostgres : IAsyncDisposable
{
    private const string Binaries = "/usr/lib/postgresql/15/bin";

    private readonly string _directory;
    private readonly int _port;

    private PrivatePostgres(string directory, int port)
    {
        _directory = directory;
        _port = port;
    }

    public string ConnectionString => "Host=127.0.0.1;Port=" + _port.ToString(CultureInfo.InvariantCulture) + ";Username=nordeaconnect;Password=unused-with-trust;Database=postgres";

    public static async Task<PrivatePostgres> StartAsync()
    {
        if (!File.Exists(Path.Combine(Binaries, "initdb")))
        {
            throw new InvalidOperationException($"PostgreSQL 15 binaries are missing under {Binaries}: run scripts/ensure-postgres.sh.");
        }

        var directory = Path.Combine(Path.GetTempPath(), "nc-reliability-pg-" + Guid.NewGuid().ToString("N")[..8]);
        var server = new PrivatePostgres(directory, FreePorts.Next());
        await AsPostgresAsync("mkdir", "-p", directory);
        await AsPostgresAsync(Path.Combine(Binaries, "initdb"), "-D", directory, "-U", "nordeaconnect", "--auth=trust", "--no-sync");
        await server.ControlAsync("start");
        return server;
    }

    /// <summary>Stops the server (fast: open connections are cut) and starts it again, as a crash-free restart does.</summary>
    public Task RestartAsync() => ControlAsync("restart");

    public async ValueTask DisposeAsync()
    {
        try
        {
            await AsPostgresAsync(Path.Combine(Binaries, "pg_ctl"), "-D", _directory, "-m", "immediate", "-w", "stop");
        }
        finally
        {
            await AsPostgresAsync("rm", "-rf", _directory);
        }
    }

    private Task ControlAsync(string action) => AsPostgresAsync(
        Path.Combine(Binaries, "pg_ctl"), "-D", _directory, "-m", "fast", "-w", "-t", "60", "-l", Path.Combine(_directory, "server.log"),
        "-o", "-p " + _port.ToString(CultureInfo.InvariantCulture) + " -k " + _directory + " -c listen_addresses=127.0.0.1 -c max_connections=200 -c fsync=off",
        action);

    private static async Task AsPostgresAsync(string program, params string[] arguments)
    {
        var root = Environment.UserName == "root";
        var start = new ProcessStartInfo(root ? "runuser" : "sudo") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var argument in (root ? new[] { "-u", "postgres", "--" } : new[] { "-n", "-u", "postgres" }).Append(program).Concat(arguments))
        {
            start.ArgumentList.Add(argument);
        }

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(program)} {arguments.LastOrDefault()} failed ({process.ExitCode}): {await error}{await output}");
        }
    }
}

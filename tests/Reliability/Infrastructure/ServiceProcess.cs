using System.Diagnostics;
using System.Net.Sockets;
using System.Text;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// A .NET service started as its own process (<c>dotnet x.dll</c>) with everything it writes kept, for the
/// security scan and for failure messages. <see cref="Kill"/> is SIGKILL: no shutdown code runs.
/// </summary>
internal sealed class ServiceProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _output = new();

    private ServiceProcess(string name, Process process)
    {
        Name = name;
        _process = process;
    }

    public string Name { get; }

    public bool HasExited => _process.HasExited;

    public string Output
    {
        get
        {
            lock (_output)
            {
                return _output.ToString();
            }
        }
    }

    public static ServiceProcess Start(string name, string dll, IReadOnlyDictionary<string, string> environment, params string[] arguments)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(dll);
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The services must not pick up the test host's settings.
        start.Environment.Remove("ASPNETCORE_URLS");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        foreach (var (key, value) in environment)
        {
            start.Environment[key] = value;
        }

        var process = new Process { StartInfo = start, EnableRaisingEvents = true };
        var service = new ServiceProcess(name, process);
        process.OutputDataReceived += (_, e) => service.Append(e.Data);
        process.ErrorDataReceived += (_, e) => service.Append(e.Data);
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        OutputRegistry.Register(service);
        return service;
    }

    /// <summary>Waits until <paramref name="port"/> on 127.0.0.1 accepts connections; fails with the output when the process dies first.</summary>
    public async Task WaitForPortAsync(int port, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"{Name} exited with code {_process.ExitCode} before listening on {port}:\n{Tail()}");
            }

            try
            {
                using var client = new TcpClient();
                await client.ConnectAsync("127.0.0.1", port);
                return;
            }
            catch (SocketException)
            {
                await Task.Delay(100);
            }
        }

        throw new TimeoutException($"{Name} did not listen on {port} within {timeout}:\n{Tail()}");
    }

    /// <summary>SIGKILL, and wait until the process is gone.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: false);
        }

        await _process.WaitForExitAsync();
        SaveOutput();
    }

    /// <summary>SIGTERM, as an orchestrator stops a node: the host shuts down (an Orleans silo leaves the cluster). SIGKILL after 30 s.</summary>
    public async Task StopAsync()
    {
        if (!_process.HasExited)
        {
            using var signal = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await signal.WaitForExitAsync();
            using var grace = new CancellationTokenSource(TimeSpan.FromSeconds(30));
            try
            {
                await _process.WaitForExitAsync(grace.Token);
            }
            catch (OperationCanceledException)
            {
                // Shutdown hung: fall through to SIGKILL.
            }
        }

        await KillAsync();
    }

    public string Tail(int characters = 4000)
    {
        var output = Output;
        return output.Length <= characters ? output : output[^characters..];
    }

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        _process.Dispose();
    }

    /// <summary>
    /// Keeps the process's output in NC_RELIABILITY_LOGS (default: nc-reliability-logs in the temp directory), so a
    /// failed run in CI can be read afterwards.
    /// </summary>
    private void SaveOutput()
    {
        var directory = Environment.GetEnvironmentVariable("NC_RELIABILITY_LOGS") is { Length: > 0 } configured
            ? configured
            : Path.Combine(Path.GetTempPath(), "nc-reliability-logs");
        Directory.CreateDirectory(directory);
        File.WriteAllText(Path.Combine(directory, Name + "-" + _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture) + ".log"), Output);
    }

    private void Append(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.AppendLine(line);
        }
    }
}

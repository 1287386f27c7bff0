namespace NordeaConnect.Reliability.Tests.Infrastructure;

/// <summary>
/// Finds the built gateway and sandbox entry assemblies next to this suite's build output: the artifacts layout
/// (<c>bin/&lt;project&gt;/&lt;pivot&gt;/</c>) or the classic one (<c>src/&lt;project&gt;/bin/&lt;Config&gt;/&lt;tfm&gt;/</c>).
/// <c>NC_GATEWAY_DLL</c> / <c>NC_SANDBOX_DLL</c> override.
/// </summary>
internal static class BuiltAssemblies
{
    public static string Gateway => Find("NordeaConnect.Gateway", "NC_GATEWAY_DLL");

    public static string Sandbox => Find("NordeaConnect.Sandbox", "NC_SANDBOX_DLL");

    private static string Find(string project, string overrideVariable)
    {
        if (Environment.GetEnvironmentVariable(overrideVariable) is { Length: > 0 } configured)
        {
            return File.Exists(configured) ? configured : throw new FileNotFoundException($"{overrideVariable} names '{configured}', which does not exist.");
        }

        var here = new DirectoryInfo(AppContext.BaseDirectory.TrimEnd(Path.DirectorySeparatorChar));
        var candidates = new List<string>();
        // Artifacts layout: <art>/bin/NordeaConnect.Reliability.Tests/<pivot>/
        if (here.Parent?.Parent is { } bin)
        {
            candidates.Add(Path.Combine(bin.FullName, project, here.Name, project + ".dll"));
        }

        // Classic layout: <repo>/tests/Reliability/bin/<Config>/<tfm>/
        if (here.Parent?.Parent?.Parent?.Parent?.Parent is { } repo && here.Parent is { } configuration)
        {
            candidates.Add(Path.Combine(repo.FullName, "src", project, "bin", configuration.Name, here.Name, project + ".dll"));
        }

        foreach (var candidate in candidates)
        {
            if (File.Exists(candidate) && File.Exists(Path.ChangeExtension(candidate, ".runtimeconfig.json")))
            {
                return candidate;
            }
        }

        throw new FileNotFoundException($"The built {project}.dll was not found (looked at: {string.Join(", ", candidates)}); build the solution first or set {overrideVariable}.");
    }
}

using System.Reflection;

namespace NordeaConnect.Primitives.Tests;

/// <summary>The repository and the upstream reference in ../shared/spec beside it.</summary>
internal static class SpecText
{
    public static string RepositoryRoot { get; } =
        typeof(SpecText).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!;

    public static string Path
    {
        get
        {
            var path = System.IO.Path.GetFullPath(System.IO.Path.Combine(RepositoryRoot, "..", "shared", "spec", "004_2f116a864b035dae.txt"));
            return File.Exists(path) ? path : throw new FileNotFoundException($"The upstream reference was not found at {path} (shared/ sits beside the repository).");
        }
    }

    public static string Load() => File.ReadAllText(Path);
}

using System.Reflection;
using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace NordeaConnect.Tests.Interop;

/// <summary>
/// Where the Python and Node interop clients live, and the descriptor sets they build their messages from.
/// Compiled into every test project that drives them (linked from tests/Shared).
/// </summary>
internal static class InteropPaths
{
    /// <summary>tests/interop, found through the repository root every test assembly records (Directory.Build.props).</summary>
    public static string InteropDirectory { get; } = Path.Combine(
        typeof(InteropPaths).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "RepositoryRoot").Value!,
        "tests",
        "interop");

    public static string ProtoDirectory { get; } = Path.Combine(AppContext.BaseDirectory, "protos");

    /// <summary>Writes a FileDescriptorSet holding <paramref name="files"/> and their imports, imports first.</summary>
    public static string WriteDescriptorSet(params FileDescriptor[] files)
    {
        var set = new FileDescriptorSet();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var file in files)
        {
            Add(file);
        }

        var path = Path.Combine(Path.GetTempPath(), "nc-interop-" + Guid.NewGuid().ToString("N") + ".pb");
        File.WriteAllBytes(path, set.ToByteArray());
        return path;

        void Add(FileDescriptor file)
        {
            if (!seen.Add(file.Name))
            {
                return;
            }

            foreach (var dependency in file.Dependencies)
            {
                Add(dependency);
            }

            set.File.Add(FileDescriptorProto.Parser.ParseFrom(file.SerializedData));
        }
    }
}

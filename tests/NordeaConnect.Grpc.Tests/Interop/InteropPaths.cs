using Google.Protobuf;
using Google.Protobuf.Reflection;

namespace NordeaConnect.Grpc.Tests.Interop;

/// <summary>Where the interop clients live, and the descriptor set they build their messages from.</summary>
internal static class InteropPaths
{
    public static string InteropDirectory { get; } = FindInteropDirectory();

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

        var path = Path.Combine(Path.GetTempPath(), "nc-grpc-interop-" + Guid.NewGuid().ToString("N") + ".pb");
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

    private static string FindInteropDirectory()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var candidate = Path.Combine(directory.FullName, "tests", "interop");
            if (Directory.Exists(candidate))
            {
                return candidate;
            }
        }

        // Built with ArtifactsPath outside the repository: fall back to the source tree this file was compiled from.
        var source = Path.GetFullPath(Path.Combine(SourceDirectory(), "..", "..", "interop"));
        return Directory.Exists(source)
            ? source
            : throw new DirectoryNotFoundException("tests/interop was not found above " + AppContext.BaseDirectory + " nor at " + source + ".");
    }

    private static string SourceDirectory([System.Runtime.CompilerServices.CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
}

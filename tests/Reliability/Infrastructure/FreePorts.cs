using System.Net;
using System.Net.Sockets;

namespace NordeaConnect.Reliability.Tests.Infrastructure;

internal static class FreePorts
{
    /// <summary>A port on 127.0.0.1 free right now (the processes are given fixed ports so a restart keeps its address).</summary>
    public static int Next()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}

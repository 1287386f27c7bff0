using System.Net;
using System.Net.NetworkInformation;
using System.Net.Sockets;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;

namespace NordeaConnect.Gateway.Notifications;

/// <summary>
/// Keeps notification_url from being a way into the network the gateway sits in: a receiver may not be one of the
/// gateway's own listeners, nor (unless private targets are allowed) a loopback, link-local, private, shared,
/// multicast or reserved address. Names are resolved and every address they resolve to is judged, after undoing the
/// forms that hide an IPv4 address in IPv6 (IPv4-mapped, IPv4-compatible, NAT64, 6to4); numeric tricks such as
/// <c>http://2130706433/</c> or <c>http://0177.1/</c> end up as the address they denote, so they are judged as that.
/// The dispatcher asks again when it connects (<see cref="ConnectAsync"/>), so a name that changes its answer after the
/// call (DNS rebinding) still cannot reach a refused address.
/// </summary>
public sealed class NotificationTargetGuard
{
    /// <summary>Allows loopback and private receivers; defaults to true with the embedded sandbox (the local run), else false.</summary>
    public const string AllowPrivateKey = "Gateway:AllowPrivateNotificationTargets";

    private readonly Func<IReadOnlyCollection<string>> _listenerAddresses;
    private readonly Lazy<HashSet<IPAddress>> _interfaceAddresses = new(ReadInterfaceAddresses);

    public NotificationTargetGuard(bool allowPrivateTargets, Func<IReadOnlyCollection<string>> listenerAddresses)
    {
        ArgumentNullException.ThrowIfNull(listenerAddresses);
        AllowPrivateTargets = allowPrivateTargets;
        _listenerAddresses = listenerAddresses;
    }

    /// <summary>From the host's configuration (<see cref="AllowPrivateKey"/>) and the server's listening addresses.</summary>
    public static NotificationTargetGuard Create(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        var configuration = services.GetRequiredService<IConfiguration>();
        var embeddedSandbox = string.IsNullOrWhiteSpace(configuration[Hosting.GatewaySettings.BaseAddressKey]);
        var allow = configuration.GetValue(AllowPrivateKey, defaultValue: embeddedSandbox);
        var server = services.GetService<IServer>();
        return new NotificationTargetGuard(allow, () => server?.Features.Get<IServerAddressesFeature>()?.Addresses.ToArray() ?? []);
    }

    public bool AllowPrivateTargets { get; }

    /// <summary>Null when <paramref name="receiver"/> may be notified; otherwise why not, naming the field but not the URL (it may hold a token).</summary>
    public async ValueTask<string?> CheckAsync(Uri receiver, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(receiver);
        IPAddress[] addresses;
        try
        {
            addresses = await ResolveAsync(receiver.DnsSafeHost, cancellationToken).ConfigureAwait(false);
        }
        catch (SocketException)
        {
            // Unresolvable now: with private targets allowed it cannot be judged more strictly at delivery; otherwise refuse.
            return AllowPrivateTargets ? null : "notification_url's host does not resolve; give a receiver reachable on the public network";
        }

        foreach (var address in addresses)
        {
            if (Refusal(address, receiver.Port) is { } reason)
            {
                return "notification_url " + reason;
            }
        }

        return null;
    }

    /// <summary>
    /// For <see cref="SocketsHttpHandler.ConnectCallback"/>: resolves the receiver again and connects only to an address
    /// <see cref="CheckAsync"/> would accept, so what was checked is what is reached.
    /// </summary>
    public async ValueTask<Stream> ConnectAsync(SocketsHttpConnectionContext context, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(context);
        var endpoint = context.DnsEndPoint;
        var addresses = await ResolveAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        string? refusal = null;
        foreach (var address in addresses)
        {
            refusal = Refusal(address, endpoint.Port);
            if (refusal is not null)
            {
                continue;
            }

            var socket = new Socket(address.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
            try
            {
                await socket.ConnectAsync(new IPEndPoint(address, endpoint.Port), cancellationToken).ConfigureAwait(false);
                return new NetworkStream(socket, ownsSocket: true);
            }
            catch
            {
                socket.Dispose();
                throw;
            }
        }

        throw new HttpRequestException("the receiver " + (refusal ?? "resolves to no address") + " (checked when connecting)");
    }

    /// <summary>Null when the gateway may connect to <paramref name="address"/>:<paramref name="port"/>; otherwise why not.</summary>
    public string? Refusal(IPAddress address, int port)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = Unwrapped(address);
        if (IsOwnListener(plain, port))
        {
            return "points at one of the gateway's own listeners";
        }

        if (AllowPrivateTargets || IsPublic(plain))
        {
            return null;
        }

        return "points at a loopback, link-local, private or reserved address; give a receiver reachable on the public network "
            + $"(or set {AllowPrivateKey}=true where private receivers are intended)";
    }

    /// <summary>Whether <paramref name="address"/> (already unwrapped) is a globally routable unicast address.</summary>
    public static bool IsPublic(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        var plain = Unwrapped(address);
        Span<byte> b = stackalloc byte[16];
        plain.TryWriteBytes(b, out var length);
        if (length == 4)
        {
            return !(b[0] is 0 or 10 or 127 or >= 224 // this network, private, loopback, multicast and reserved
                || (b[0] == 100 && (b[1] & 0xC0) == 64) // shared address space (CGNAT) 100.64/10
                || (b[0] == 169 && b[1] == 254) // link-local (cloud metadata lives here)
                || (b[0] == 172 && (b[1] & 0xF0) == 16) // 172.16/12
                || (b[0] == 192 && b[1] == 168)
                || (b[0] == 192 && b[1] == 0 && b[2] is 0 or 2) // IETF protocol assignments, TEST-NET-1
                || (b[0] == 198 && (b[1] & 0xFE) == 18) // benchmarking 198.18/15
                || (b[0] == 198 && b[1] == 51 && b[2] == 100)
                || (b[0] == 203 && b[1] == 0 && b[2] == 113));
        }

        return !(plain.Equals(IPAddress.IPv6Any) || plain.Equals(IPAddress.IPv6Loopback)
            || b[0] == 0xFF // multicast
            || (b[0] & 0xFE) == 0xFC // unique local fc00::/7
            || (b[0] == 0xFE && (b[1] & 0x80) == 0x80) // link-local fe80::/10 and old site-local fec0::/10
            || (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0D && b[3] == 0xB8) // documentation 2001:db8::/32
            || (b[0] == 0x01 && b[1] == 0 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0 && b[7] == 0) // discard 100::/64
            || b[0] == 0); // the rest of ::/8 (reserved)
    }

    /// <summary>The IPv4 address an IPv6 address carries (mapped, compatible, NAT64 64:ff9b::/96, 6to4 2002::/16), else the address.</summary>
    public static IPAddress Unwrapped(IPAddress address)
    {
        ArgumentNullException.ThrowIfNull(address);
        if (address.AddressFamily != AddressFamily.InterNetworkV6)
        {
            return address;
        }

        if (address.IsIPv4MappedToIPv6)
        {
            return address.MapToIPv4();
        }

        Span<byte> b = stackalloc byte[16];
        address.TryWriteBytes(b, out _);
        if (b[..12].IndexOfAnyExcept((byte)0) < 0 && !(b[12] == 0 && b[13] == 0 && b[14] == 0 && b[15] <= 1))
        {
            return new IPAddress(b[12..]); // IPv4-compatible ::a.b.c.d (deprecated, still routed by some stacks)
        }

        if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xFF && b[3] == 0x9B && b[4..12].IndexOfAnyExcept((byte)0) < 0)
        {
            return new IPAddress(b[12..]);
        }

        if (b[0] == 0x20 && b[1] == 0x02)
        {
            return new IPAddress(b[2..6]);
        }

        return address;
    }

    private bool IsOwnListener(IPAddress address, int port)
    {
        foreach (var listener in _listenerAddresses())
        {
            if (!Uri.TryCreate(listener.Replace("://+", "://0.0.0.0", StringComparison.Ordinal).Replace("://*", "://0.0.0.0", StringComparison.Ordinal), UriKind.Absolute, out var uri)
                || uri.Port != port)
            {
                continue;
            }

            // localhost, 0.0.0.0 and [::] listen on every local address; a bound address matches itself.
            if (!IPAddress.TryParse(uri.DnsSafeHost, out var bound) || bound.Equals(IPAddress.Any) || bound.Equals(IPAddress.IPv6Any) || IPAddress.IsLoopback(bound))
            {
                if (IPAddress.IsLoopback(address) || address.Equals(IPAddress.Any) || address.Equals(IPAddress.IPv6Any) || _interfaceAddresses.Value.Contains(address))
                {
                    return true;
                }
            }
            else if (Unwrapped(bound).Equals(address))
            {
                return true;
            }
        }

        return false;
    }

    private static async ValueTask<IPAddress[]> ResolveAsync(string host, CancellationToken cancellationToken)
    {
        if (IPAddress.TryParse(host, out var literal))
        {
            return [literal];
        }

        // getaddrinfo also turns the numeric forms (2130706433, 0x7f.1, 0177.0.0.1) into the address they denote.
        return await Dns.GetHostAddressesAsync(host, cancellationToken).ConfigureAwait(false);
    }

    private static HashSet<IPAddress> ReadInterfaceAddresses()
    {
        var addresses = new HashSet<IPAddress>();
        try
        {
            foreach (var network in NetworkInterface.GetAllNetworkInterfaces())
            {
                foreach (var unicast in network.GetIPProperties().UnicastAddresses)
                {
                    addresses.Add(Unwrapped(unicast.Address));
                }
            }
        }
        catch (NetworkInformationException)
        {
            // Without the list, loopback and wildcard still count as the gateway's own.
        }

        return addresses;
    }
}

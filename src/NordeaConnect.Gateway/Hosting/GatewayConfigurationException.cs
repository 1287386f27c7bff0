namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// The configuration cannot work. Every problem is listed, each naming the setting and how to fix it, so one
/// start-up attempt shows everything that needs changing. Messages never contain secret values.
/// </summary>
public sealed class GatewayConfigurationException : Exception
{
    public GatewayConfigurationException(IReadOnlyList<string> problems)
        : base("The gateway's configuration is not usable:" + Environment.NewLine + string.Join(Environment.NewLine, problems.Select(p => "  - " + p)))
    {
        Problems = problems;
    }

    public IReadOnlyList<string> Problems { get; }
}

using System.Net;

namespace NordeaConnect.Sandbox.Tests.Infrastructure;

/// <summary>Moves the sandbox's test clock over HTTP, as a test of another project would.</summary>
public static class SandboxClockApi
{
    /// <summary>Advances the clock; when this returns, due charges and webhook retries have run.</summary>
    public static async Task AdvanceAsync(this SandboxApi api, TimeSpan by)
    {
        var seconds = (long)by.TotalSeconds;
        var answer = await api.PostJsonAsync("_sandbox/clock", $$"""{"seconds": {{seconds}}}""");
        if (answer.Status != HttpStatusCode.OK)
        {
            throw new Xunit.Sdk.XunitException("Clock move refused: " + answer.Body?.ToJsonString());
        }
    }
}

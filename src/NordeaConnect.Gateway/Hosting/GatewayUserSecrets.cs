// In Development, WebApplication.CreateBuilder reads user secrets under this id (dotnet user-secrets set --id nordeaconnect-gateway ...).
[assembly: Microsoft.Extensions.Configuration.UserSecrets.UserSecretsId(NordeaConnect.Gateway.Hosting.GatewayUserSecrets.Id)]

namespace NordeaConnect.Gateway.Hosting;

public static class GatewayUserSecrets
{
    public const string Id = "nordeaconnect-gateway";
}

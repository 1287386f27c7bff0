using NordeaConnect.Sandbox.Hosting;

// dotnet run --project src/NordeaConnect.Sandbox -- --urls http://127.0.0.1:5080
var builder = WebApplication.CreateBuilder(args);
builder.AddNordeaConnectSandbox();

var app = builder.Build();
app.MapNordeaConnectSandbox();
app.Run();

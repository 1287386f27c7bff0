using Grpc.AspNetCore.Server;
using Microsoft.AspNetCore.Grpc.JsonTranscoding;
using Microsoft.OpenApi.Models;
using NordeaConnect.Gateway.Facade;

namespace NordeaConnect.Gateway.Hosting;

/// <summary>
/// The JSON API: JSON transcoding serves each unary method on its <c>google.api.http</c> route (on every listener; the
/// HTTP/1.1 one is where curl and browsers reach it), and Microsoft.AspNetCore.Grpc.Swagger describes those routes, with
/// the messages' fields, in an OpenAPI document at <see cref="OpenApiPath"/>.
/// </summary>
public static class GatewayJsonApiExtensions
{
    public const string OpenApiPath = "/openapi/v1.json";

    private const string DocumentName = "v1";

    public static IGrpcServerBuilder AddGatewayJsonApi(this IGrpcServerBuilder grpc)
    {
        ArgumentNullException.ThrowIfNull(grpc);
        grpc.AddJsonTranscoding(options => options.TypeRegistry = JsonApiAnswers.StatusDetailTypes);
        grpc.Services.AddGrpcSwagger();
        grpc.Services.AddSwaggerGen(swagger =>
        {
            swagger.SwaggerDoc(DocumentName, new OpenApiInfo
            {
                Title = "Nordea Connect gateway (JSON API)",
                Version = DocumentName,
                Description = "The nordeaconnect.grains.v1 gRPC methods as HTTP/JSON (proto3 JSON mapping). Send 'authorization: Bearer <token>'; "
                    + "a failure answers a google.rpc.Status whose ErrorInfo reason is the result code, also in the nc-result-code header.",
            });
            // Only the transcoded methods: the webhook intake and probes are not part of the API callers use.
            swagger.DocInclusionPredicate((_, description) => description.ActionDescriptor.EndpointMetadata.OfType<GrpcJsonTranscodingMetadata>().Any());
            var bearer = new OpenApiSecurityScheme { Type = SecuritySchemeType.Http, Scheme = "bearer", Description = "An access token from Gateway:Tokens" };
            swagger.AddSecurityDefinition("bearer", bearer);
            swagger.AddSecurityRequirement(new OpenApiSecurityRequirement
            {
                [new OpenApiSecurityScheme { Reference = new OpenApiReference { Type = ReferenceType.SecurityScheme, Id = "bearer" } }] = [],
            });
        });
        return grpc;
    }

    /// <summary>Serves the OpenAPI document at <see cref="OpenApiPath"/>, open like reflection: it describes the public protos.</summary>
    public static IEndpointRouteBuilder MapGatewayOpenApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapSwagger("/openapi/{documentName}.json").AllowAnonymous();
        return endpoints;
    }
}

using NordeaConnect.Grains.V1;

namespace NordeaConnect.Gateway.Results;

/// <summary>A grain answered with a failure result (any of 100, 200, 800, 900); the result goes to the caller as is.</summary>
public sealed class OperationFailedException : Exception
{
    public OperationFailedException(Result result)
        : base((result ?? throw new ArgumentNullException(nameof(result))).Description)
    {
        Result = result;
    }

    public Result Result { get; }
}

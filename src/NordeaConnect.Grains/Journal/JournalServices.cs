using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Orleans.Storage;

namespace NordeaConnect.Grains;

/// <summary>
/// What every <see cref="JournalKeeper{TState}"/> uses, one per silo rather than a field each per activation: the
/// payment grains' storage, clock, options and loggers.
/// </summary>
internal sealed class JournalServices(IServiceProvider services, TimeProvider time, IOptions<PaymentGrainsOptions> options, ILoggerFactory loggers)
{
    private IGrainStorage? _storage;

    public TimeProvider Time => time;

    public PaymentGrainsOptions Options => options.Value;

    /// <summary>The storage the payment grains' state is kept in (<see cref="PaymentGrainsStorage.Name"/>), found when first used.</summary>
    public IGrainStorage Storage => _storage ??= services.GetRequiredKeyedService<IGrainStorage>(PaymentGrainsStorage.Name);

    /// <summary>The logger of the grain's class, as <c>ILogger&lt;TGrain&gt;</c> names it; made when a line is written.</summary>
    public ILogger LoggerOf(IGrainBase grain)
    {
        ArgumentNullException.ThrowIfNull(grain);
        return loggers.CreateLogger(grain.GetType().FullName!);
    }
}

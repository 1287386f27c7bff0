using NordeaConnect.Bench.Load;

// Load benchmarks of the whole service. Ratios come from one run (contenders alternate round by round), so the
// noise of a shared machine cancels; absolute numbers are printed for scale only. Loopback only, bounded loops.
//   mutations   [--requests-per-round N] [--rounds N] [--latency-ms N] [--postgres CS]   gateway vs direct client
//   scaling     [--seconds-per-round S]                                  calls/s across 1..100,000 entities
//   prepare-get --target http://127.0.0.1:PORT --token T --out FILE      creates a payment, writes a cached Get request
try
{
    var options = CommandLine.Parse(args);
    return options.Command switch
    {
        "mutations" => await MutationLatency.RunAsync(
            options.Int("--requests-per-round", 40), options.Int("--rounds", 5), options.Int("--latency-ms", 20), options.Optional("--postgres")),
        "scaling" => await EntityScaling.RunAsync(options.Double("--seconds-per-round", 1.0)),
        "prepare-get" => await CachedGetRequest.PrepareAsync(options.Uri("--target"), options.Required("--token"), options.Required("--out")),
        _ => throw new ArgumentException($"Unknown command '{options.Command}': use mutations, scaling or prepare-get."),
    };
}
catch (ArgumentException ex)
{
    Console.Error.WriteLine("error: " + ex.Message);
    return 2;
}

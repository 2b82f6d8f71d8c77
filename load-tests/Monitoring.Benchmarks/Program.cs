using BenchmarkDotNet.Running;

if (args.FirstOrDefault() == "seal-stall")
{
    // Not a BenchmarkDotNet benchmark: the tail of a concurrent appender while a segment is sealed.
    return Monitoring.Benchmarks.Recording.SealStall.Run(args[1..]);
}

// Every benchmark class in this assembly is selectable: dotnet run -c Release -- --filter '*Classifier*'
// (typeof of a benchmark, not of Program: the referenced host has a public Program too.)
BenchmarkSwitcher.FromAssembly(typeof(Monitoring.Benchmarks.Geo.ClassifierBenchmarks).Assembly).Run(args);
return 0;

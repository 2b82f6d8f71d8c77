using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is selectable: dotnet run -c Release -- --filter '*Classifier*'
// (typeof of a benchmark, not of Program: the referenced host has a public Program too.)
BenchmarkSwitcher.FromAssembly(typeof(Monitoring.Benchmarks.Geo.ClassifierBenchmarks).Assembly).Run(args);

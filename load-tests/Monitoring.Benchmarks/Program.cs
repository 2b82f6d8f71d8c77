using BenchmarkDotNet.Running;

// Every benchmark class in this assembly is selectable: dotnet run -c Release -- --filter '*Classifier*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);

import Benchmark

/// The benchmark suite: `swift package benchmark` (all) or
/// `swift package benchmark --filter "lattice gas.*"`. See BENCHMARKS.md.
let benchmarks: @Sendable () -> Void = {
    Benchmark.defaultConfiguration.maxDuration = .seconds(3)
    Benchmark.defaultConfiguration.maxIterations = 20
    randomBenchmarks()
    latticeGasBenchmarks()
    lithiumBenchmarks()
    neighborCountingBenchmarks()
    connectivityBenchmarks()
    ensembleBenchmarks()
}

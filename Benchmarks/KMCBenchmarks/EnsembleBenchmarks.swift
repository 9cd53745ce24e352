import Benchmark
import Simulation

/// Ensemble scaling: 4 replicas of a small plating scenario on 1 and on 2 threads (one iteration =
/// the whole ensemble). The speed-up is the ratio of the two wall-clock times.
func ensembleBenchmarks() {
    let yaml = """
        lattice: {lx: 32, ly: 32, lz: 6}
        material: {substrate: Cu, substrate_layers: 1}
        protocol: {mode: galvanostatic, current_density_mA_cm2: 1, monolayers: 1}
        sampling: {window_monolayers: 0.05}
        """
    let scenario = try! Scenario.parse(yaml: yaml)
    for threads in [1, 2] {
        Benchmark("ensemble 4 replicas \(threads) thread\(threads == 1 ? "" : "s")",
                  configuration: .init(metrics: [.wallClock, .throughput], maxIterations: 5)) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try Ensemble(scenario: scenario, replicas: 0..<4).run(threads: threads))
            }
        }
    }
}

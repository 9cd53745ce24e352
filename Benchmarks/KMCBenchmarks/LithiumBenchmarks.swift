import Benchmark
import Kinetics
import LithiumModel
import Simulation

/// Events/s of the Li model under galvanostatic plating on Cu: a 256² surface and a
/// 128² × 32 box, after the first 0.2 monolayers (nucleation under way).
func lithiumBenchmarks() {
    for (name, lx, ly, lz) in [("256²×8", 256, 256, 8), ("128²×32", 128, 128, 32)] {
        lithiumBenchmark("Li model plating Cu \(name)") {
            let yaml = """
                lattice: {lx: \(lx), ly: \(ly), lz: \(lz)}
                material: {substrate: Cu, substrate_layers: 1}
                protocol: {mode: galvanostatic, current_density_mA_cm2: 1, monolayers: 0.2}
                sampling: {window_monolayers: 0.2}
                """
            var run = try ElectrodeRun(scenario: try Scenario.parse(yaml: yaml))
            _ = run.run()
            return EngineBox(run.engine)
        }
    }
}

/// Registers a Li-model benchmark: `setup` prepares the engine (not measured); one iteration is one event.
func lithiumBenchmark(_ name: String, setup: @escaping @Sendable () throws -> EngineBox<LithiumModel>) {
    Benchmark(name, configuration: .init(metrics: [.wallClock, .throughput], scalingFactor: .kilo)) {
        (benchmark: Benchmark, box: EngineBox<LithiumModel>) in
        benchmark.startMeasurement()
        box.run(events: benchmark.scaledIterations.count)
        benchmark.stopMeasurement()
    } setup: {
        try setup()
    }
}


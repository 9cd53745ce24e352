import Benchmark
import GSLRandom
import Kinetics
import Lattice
import LatticeGas

/// Events/s of the lattice-gas application (the KMC core's workload) across lattice sizes:
/// the cost per event must not grow with the lattice.
func latticeGasBenchmarks() {
    let cases: [(name: String, lx: Int, ly: Int, lz: Int, coverage: Double)] = [
        ("2D 64² θ=0.1", 64, 64, 1, 0.1), ("2D 64² θ=0.5", 64, 64, 1, 0.5),
        ("2D 256² θ=0.1", 256, 256, 1, 0.1), ("2D 256² θ=0.5", 256, 256, 1, 0.5),
        ("2D 1024² θ=0.1", 1024, 1024, 1, 0.1), ("2D 1024² θ=0.5", 1024, 1024, 1, 0.5),
        ("3D 64³ θ=0.1", 64, 64, 64, 0.1), ("3D 64³ θ=0.5", 64, 64, 64, 0.5),
    ]
    for item in cases {
        Benchmark(
            "lattice gas \(item.name)",
            configuration: .init(metrics: [.wallClock, .throughput, .instructions], scalingFactor: .mega)
        ) { (benchmark: Benchmark, box: EngineBox<LatticeGas>) in
            benchmark.startMeasurement()
            box.run(events: benchmark.scaledIterations.count)
            benchmark.stopMeasurement()
        } setup: {
            let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz)
            let stream = try RandomStream(masterSeed: 1, replica: 0)
            let states = try LatticeGas.randomStates(shape: shape, coverage: item.coverage, random: stream)
            let gas = try LatticeGas(shape: shape, parameters: LatticeGasParameters(), states: states)
            var engine = KineticEngine(application: gas, random: UniformBuffer(stream: stream))
            _ = engine.run(.events(100_000))  // leave the initial transient
            return EngineBox(engine)
        }
    }
}

/// Holds an engine across the benchmark's setup and measured closure (which get it by value).
final class EngineBox<Application: KineticApplication> {
    var engine: KineticEngine<Application>
    init(_ engine: KineticEngine<Application>) { self.engine = engine }
    func run(events: Int) { _ = engine.run(.events(engine.clock.events + UInt64(events))) }
}

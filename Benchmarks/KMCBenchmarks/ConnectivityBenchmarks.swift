import Benchmark
import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Simulation

/// Connectivity: a full flood fill of a porous 256² × 64 deposit (scalar breadth-first search
/// versus the bit-parallel fill), and Li-film stripping on a 128² × 64 box with the exact dead-Li
/// bookkeeping on and off (what the bookkeeping costs per event).
func connectivityBenchmarks() {
    let shape = try! LatticeShape(lx: 256, ly: 256, lz: 64)
    let random = try! RandomStream(seed: 2)
    var mask = BitPlane(shape: shape, filled: false), seeds = BitPlane(shape: shape, filled: false)
    for site in 0..<UInt32(shape.siteCount) {
        let z = shape.coordinates(of: site).z
        if z == 0 { seeds.insert(site, in: shape) }
        if z == 0 || (z < 48 && random.uniform() < 0.6) { mask.insert(site, in: shape) }
    }
    let (conductors, collector) = (mask, seeds)
    Benchmark("flood fill 256²×64 scalar", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(FloodFill.scalar(mask: conductors, seeds: collector, shape: shape)) }
    }
    Benchmark("flood fill 256²×64 bit-parallel", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(FloodFill.bitParallel(mask: conductors, seeds: collector, shape: shape)) }
    }
    for exact in [true, false] {
        lithiumBenchmark("Li model stripping Cu 128²×64 connectivity \(exact ? "exact" : "off")") {
            let yaml = """
                lattice: {lx: 128, ly: 128, lz: 64}
                material: {substrate: Cu, substrate_layers: 1}
                protocol: {mode: galvanostatic, current_density_mA_cm2: 1, monolayers: 1e-9, li_film_layers: 40}
                cycling: {cycles: 1, strip_cutoff_mV: 5000}
                """
            var scenario = try Scenario.parse(yaml: yaml)
            scenario.parameters.tracksConnectivity = exact
            let box = EngineBox(try ElectrodeRun(scenario: scenario).engine)
            box.strip(currentDensity: 1)
            box.run(events: 200_000)  // roughen the surface first
            return box
        }
    }
}

extension EngineBox where Application == LithiumModel {
    /// Switches the electrode to galvanostatic stripping at `currentDensity` mA/cm².
    func strip(currentDensity: Double) {
        let model = engine.application
        let rate = model.constants.eventsPerSecond(currentDensity: currentDensity, surfaceSites: model.surfaceSites)
        engine.application.control.mode = .galvanostatic(eventsPerSecond: -rate)
        engine.application.didPerform(rates: engine.rates)
    }
}

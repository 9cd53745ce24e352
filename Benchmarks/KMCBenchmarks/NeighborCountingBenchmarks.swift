import Benchmark
import GSLRandom
import Lattice

/// Full neighbour-count rebuild of a 1024² plane at half occupancy: scalar reference versus the
/// bit-parallel kernel (one iteration = one whole plane).
func neighborCountingBenchmarks() {
    let shape = try! LatticeShape(lx: 1024, ly: 1024)
    let random = try! RandomStream(seed: 1)
    var plane = BitPlane(shape: shape, filled: false)
    for site in 0..<UInt32(shape.siteCount) where random.uniform() < 0.5 { plane.insert(site, in: shape) }
    let occupied = plane
    Benchmark("neighbour count 1024² scalar", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(NeighborCounting.scalar(occupied, shape: shape)) }
    }
    Benchmark("neighbour count 1024² bit-parallel", configuration: .init(metrics: [.wallClock, .throughput])) { benchmark in
        for _ in benchmark.scaledIterations { blackHole(NeighborCounting.bitParallel(occupied, shape: shape)) }
    }
}

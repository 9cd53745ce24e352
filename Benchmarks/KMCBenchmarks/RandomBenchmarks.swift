import Benchmark
import GSLRandom

/// GSL draws one at a time versus into a caller's buffer.
func randomBenchmarks() {
    let draws = 1_000_000
    Benchmark("RNG mt19937 single uniform draws", configuration: .init(scalingFactor: .mega)) { benchmark in
        let stream = try RandomStream(seed: 1)
        var sum = 0.0
        for _ in benchmark.scaledIterations { sum += stream.uniform() }
        blackHole(sum)
    }
    Benchmark("RNG mt19937 bulk uniform fill", configuration: .init(scalingFactor: .mega)) { benchmark in
        let stream = try RandomStream(seed: 1)
        var buffer = [Double](repeating: 0, count: 4096)
        var remaining = benchmark.scaledIterations.count
        while remaining > 0 {
            let n = min(remaining, buffer.count)
            buffer.withUnsafeMutableBufferPointer { stream.fillUniform(UnsafeMutableBufferPointer(rebasing: $0[0..<n])) }
            remaining -= n
        }
        blackHole(buffer)
    }
    Benchmark("RNG mt19937 UniformBuffer.next", configuration: .init(scalingFactor: .mega)) { benchmark in
        var buffer = UniformBuffer(stream: try RandomStream(seed: 1))
        var sum = 0.0
        for _ in benchmark.scaledIterations { sum += buffer.next() }
        blackHole(sum)
    }
    Benchmark("RNG mt19937 exponential draws", configuration: .init(scalingFactor: .mega)) { benchmark in
        let stream = try RandomStream(seed: 1)
        var sum = 0.0
        for _ in benchmark.scaledIterations { sum += stream.exponential() }
        blackHole(sum)
    }
    _ = draws
}

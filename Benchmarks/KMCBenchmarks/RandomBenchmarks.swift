import Benchmark
import GSLRandom

/// GSL draws one at a time versus in blocks, and each SIMD random-number kernel next to its
/// scalar reference (one iteration = one value).
func randomBenchmarks() {
    Benchmark("RNG mt19937 single uniform draws", configuration: .init(scalingFactor: .mega)) { benchmark in
        let stream = try RandomStream(seed: 1)
        var sum = 0.0
        for _ in benchmark.scaledIterations { sum += stream.uniform() }
        blackHole(sum)
    }
    Benchmark("RNG mt19937 bulk uniform fill (SIMD twister blocks + SIMD conversion)", configuration: .init(scalingFactor: .mega)) { benchmark in
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
    rawWordBenchmarks()
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
    conversionBenchmarks()
    negativeLogarithmBenchmarks()
}

/// mt19937's raw words in blocks of 4096: one `gsl_rng_get` per word (GSL, the scalar reference)
/// and ``TwisterBlocks`` (SIMD, GSL's state advanced in place); one iteration = one word.
private func rawWordBenchmarks() {
    Benchmark("RNG mt19937 raw words, gsl_rng_get per word", configuration: .init(scalingFactor: .mega)) { benchmark in
        let stream = try RandomStream(seed: 1)
        var words = [UInt](repeating: 0, count: 4096)
        for _ in 0..<(benchmark.scaledIterations.count / words.count) { words.withUnsafeMutableBufferPointer { stream.fillRaw($0) } }
        blackHole(words)
    }
    Benchmark("RNG mt19937 raw words, SIMD twister blocks", configuration: .init(scalingFactor: .mega)) { benchmark in
        let stream = try RandomStream(seed: 1)
        var words = [UInt32](repeating: 0, count: 4096)
        for _ in 0..<(benchmark.scaledIterations.count / words.count) { words.withUnsafeMutableBufferPointer { stream.fillRaw32($0) } }
        blackHole(words)
    }
}

/// The raw→uniform conversion of a block of 4096 words, scalar and SIMD (one iteration = one block).
private func conversionBenchmarks() {
    let stream = try! RandomStream(seed: 1)
    let words = (0..<4096).map { _ in UInt32(truncatingIfNeeded: stream.next()) }
    blockBenchmarks("RNG raw→uniform conversion", inputs: words, kernels: [
        ("scalar", { _ = UniformConversion.convertScalar($0, into: $1) }),
        ("SIMD", { _ = UniformConversion.convert($0, into: $1) }),
    ])
}

/// −ln u of a block of 4096 uniforms, libm one at a time and SIMD (one iteration = one block).
private func negativeLogarithmBenchmarks() {
    blockBenchmarks("RNG −ln u", inputs: try! RandomStream(seed: 1).uniforms(4096), kernels: [
        ("scalar", NegativeLogarithm.applyScalar), ("SIMD", NegativeLogarithm.apply),
    ])
}

/// One benchmark per kernel, each turning the same block of inputs into doubles.
private func blockBenchmarks<Input: Sendable>(
    _ name: String, inputs: [Input],
    kernels: [(String, @Sendable (UnsafeBufferPointer<Input>, UnsafeMutableBufferPointer<Double>) -> Void)]
) {
    for (label, kernel) in kernels {
        Benchmark("\(name), \(inputs.count)-value block, \(label)") { benchmark in
            var output = [Double](repeating: 0, count: inputs.count)
            for _ in benchmark.scaledIterations {
                inputs.withUnsafeBufferPointer { input in output.withUnsafeMutableBufferPointer { kernel(input, $0) } }
            }
            blackHole(output)
        }
    }
}

import Foundation

/// The exponent p of Y ∝ Xᵖ between two observables that are *both* measured: at each point
/// (e.g. each current density of a sweep) n replicas give pairs (xᵣ, yᵣ), so ln X̄ and ln Ȳ both
/// have errors, and they are correlated (one trajectory makes both). Fitting ln Ȳ on ln X̄ as if X̄
/// were exact understates the error and, where X̄ scatters, biases p towards 0.
///
/// Effective variance (Orear, Am. J. Phys. 50, 912 (1982)): the residual rᵢ = ln Ȳᵢ − a − p ln X̄ᵢ
/// has, by the delta method, variance σᵢ²(p) = s_y² + p²s_x² − 2p·s_xy with s_y² = SE(Ȳ)²/Ȳ²,
/// s_x² = SE(X̄)²/X̄², s_xy = cov(x, y)/(n X̄ Ȳ) from the replicas. Weighted least squares with weights
/// 1/σᵢ²(p) is iterated to a fixed point in p; each step is a `PowerLawFit` whose point errors are
/// σᵢ(p) (so the interval, its degrees of freedom and the refusals are PowerLawFit's). With no scatter in
/// x the first step is already the fixed point: the result is PowerLawFit on (X̄ᵢ, Ȳᵢ).
public struct PowerLawRelation: Sendable {
    /// The replicas of one point: x and y of each, in the same order.
    public struct Sample: Sendable, Equatable {
        public var x: [Double]
        public var y: [Double]
        public init(x: [Double], y: [Double]) { (self.x, self.y) = (x, y) }
    }

    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case unequalLengths(point: Int)
        case fit(PowerLawFit.Failure)
        case noFixedPoint

        public var description: String {
            switch self {
            case let .unequalLengths(point): return "point \(point): x and y have different numbers of replicas"
            case let .fit(failure): return failure.description
            case .noFixedPoint: return "the effective-variance iteration did not settle in 100 steps"
            }
        }
    }

    /// The converged fit: its exponent, standard error, degrees of freedom, 95 % interval, prefactor.
    public let fit: PowerLawFit
    /// X̄ᵢ, Ȳᵢ and the effective standard error of ln Ȳᵢ at the fixed point, per point.
    public let points: [(x: Double, y: Double, logError: Double)]
    /// Σ rᵢ²/σᵢ² at the fixed point, with points − 2 degrees of freedom: far above them, a single
    /// power law does not describe the points and the interval of p (which assumes it does) is too narrow.
    public let chiSquared: Double

    public init(_ samples: [Sample]) throws(Failure) {
        struct Moments { var mx, my, sx2, sy2, sxy: Double; var n: Int }
        var moments: [Moments] = []
        for (index, sample) in samples.enumerated() {
            guard sample.x.count == sample.y.count else { throw .unequalLengths(point: index) }
            let n = sample.x.count
            guard n >= 2 else { throw .fit(.tooFewReplicas(x: sample.x.first ?? .nan, count: n)) }
            let mx = sample.x.reduce(0, +) / Double(n), my = sample.y.reduce(0, +) / Double(n)
            guard mx > 0, mx.isFinite else { throw .fit(.notPositive(x: mx, mean: mx)) }
            guard my > 0, my.isFinite else { throw .fit(.notPositive(x: mx, mean: my)) }
            var vx = 0.0, vy = 0.0, cxy = 0.0
            for r in 0..<n {
                let dx = sample.x[r] - mx, dy = sample.y[r] - my
                vx += dx * dx; vy += dy * dy; cxy += dx * dy
            }
            let scale = Double(n) * Double(n - 1)  // sample (co)variance / n: that of the means
            moments.append(Moments(mx: mx, my: my, sx2: vx / scale / (mx * mx), sy2: vy / scale / (my * my),
                                   sxy: cxy / scale / (mx * my), n: n))
        }
        func fitted(_ p: Double) throws(Failure) -> PowerLawFit {
            let points = moments.map { m in
                let variance = max(0, m.sy2 + p * p * m.sx2 - 2 * p * m.sxy)
                return PowerLawFit.Point(x: m.mx, mean: m.my, standardError: m.my * variance.squareRoot(), count: m.n)
            }
            do { return try PowerLawFit(points) } catch { throw .fit(error) }
        }
        var current = try fitted(0)
        var converged = false
        for _ in 0..<100 {
            let next = try fitted(current.exponent)
            let step = abs(next.exponent - current.exponent)
            current = next
            if step <= 1e-12 * max(1, abs(next.exponent)) { converged = true; break }
        }
        guard converged else { throw .noFixedPoint }
        fit = current
        let p = current.exponent
        let points = moments.map { m in (x: m.mx, y: m.my, logError: max(0, m.sy2 + p * p * m.sx2 - 2 * p * m.sxy).squareRoot()) }
        chiSquared = points.map { point in
            let residual = log(point.y) - current.logPrefactor - p * log(point.x)
            return residual * residual / (point.logError * point.logError)
        }.reduce(0, +)
        self.points = points
    }
}

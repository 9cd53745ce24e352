import Foundation

/// Where a fraction y ∈ [0, 1] that rises (or falls) with x crosses 1/2, with a 95 % confidence
/// interval: the logistic curve p(x) = 1/(1 + e^−(a + b·x)) fitted to every observation (x, y) by
/// quasi-binomial maximum likelihood (the fractional logit of Papke and Wooldridge: maximise
/// Σ y ln p + (1 − y) ln(1 − p), which is consistent for E[y | x] = p(x) whatever the spread of y
/// around it), and the crossing x₁⸝₂ = −a/b.
///
/// The spread of replica fractions is not binomial (the atoms of one run are not independent), so the
/// covariance of (a, b) is the sandwich H⁻¹ B H⁻¹ — H = Σ p(1 − p) z zᵀ, B = Σ (y − p)² z zᵀ,
/// z = (1, x) — times n/(n − 2), and the interval of x₁⸝₂ is Fieller's: every c for which the
/// linear combination a + b·c is within t·σ(a + b·c) of zero, t the Student quantile with n − 2
/// degrees of freedom. Unlike the delta method it is not symmetric in x (a shallow slope gives a
/// long tail on the side where few observations are) and it is unbounded — reported as no interval —
/// when the slope is not significantly different from zero. On synthetic data it covers at its level
/// within binomial error (LogisticFitTests).
public struct LogisticFit: Sendable, Equatable {
    /// One observation: a fraction `y` in [0, 1] measured at `x`.
    public struct Point: Sendable, Equatable {
        public var x: Double
        public var y: Double

        public init(x: Double, y: Double) { (self.x, self.y) = (x, y) }
    }

    /// Why no crossing could be fitted.
    public enum Failure: Error, Equatable, Sendable, CustomStringConvertible {
        case tooFewPoints(Int)
        case outOfRange(x: Double, y: Double)
        case sameAbscissa
        /// Every y below `cut` is 0 and every y above it is 1 (or the reverse, or all y alike): the
        /// likelihood grows without bound as the curve turns into a step, so no finite slope fits.
        case separated(cut: Double)

        public var description: String {
            switch self {
            case let .tooFewPoints(n): return "\(n) observation(s); a logistic fit needs at least 3"
            case let .outOfRange(x, y): return "fraction \(y) at \(x) is not a number in [0, 1]"
            case .sameAbscissa: return "every observation has the same x"
            case let .separated(cut):
                return "the fractions jump from all 0 to all 1 (or stay all 0 or all 1) at \(cut): a step, no finite logistic slope"
            }
        }
    }

    /// Intercept a and slope b of the linear predictor a + b·x.
    public let intercept: Double
    public let slope: Double
    /// Sandwich covariance of (a, b), small-sample corrected: [[Vaa, Vab], [Vab, Vbb]].
    public let covariance: [[Double]]
    public let count: Int
    /// x where the fitted p is 1/2.
    public var crossing: Double { -intercept / slope }
    /// Standard error of the slope.
    public var slopeStandardError: Double { covariance[1][1].squareRoot() }
    /// Delta-method standard error of the crossing (for reference; the interval is Fieller's).
    public var crossingStandardError: Double {
        let g = [-1 / slope, intercept / (slope * slope)]
        return (g[0] * g[0] * covariance[0][0] + 2 * g[0] * g[1] * covariance[0][1] + g[1] * g[1] * covariance[1][1]).squareRoot()
    }

    public init(_ points: [Point]) throws(Failure) {
        guard points.count >= 3 else { throw .tooFewPoints(points.count) }
        for p in points where !(p.x.isFinite && p.y >= 0 && p.y <= 1) { throw .outOfRange(x: p.x, y: p.y) }
        // Work in u = (x − x̄)/s, where the Newton steps are well conditioned, and map back at the end.
        let n = Double(points.count)
        let center = points.map(\.x).reduce(0, +) / n
        let scale = (points.map { ($0.x - center) * ($0.x - center) }.reduce(0, +) / n).squareRoot()
        guard scale > 0 else { throw .sameAbscissa }
        if let cut = Self.separatingCut(points) { throw .separated(cut: cut) }
        let u = points.map { ($0.x - center) / scale }, y = points.map(\.y)
        var theta = [0.0, 0.0]
        var objective = Self.quasiLogLikelihood(theta, u, y)
        for _ in 0..<200 {
            let (score, information) = Self.scoreAndInformation(theta, u, y)
            let step = Self.solve(information, score)
            // Newton on a concave objective; halve the step if it overshoots.
            var factor = 1.0, next = theta, value = objective
            while factor > 1e-10 {
                next = [theta[0] + factor * step[0], theta[1] + factor * step[1]]
                value = Self.quasiLogLikelihood(next, u, y)
                if value >= objective - 1e-12 * abs(objective) { break }
                factor /= 2
            }
            let moved = abs(next[0] - theta[0]) + abs(next[1] - theta[1])
            (theta, objective) = (next, value)
            if moved < 1e-12 * (1 + abs(theta[0]) + abs(theta[1])) { break }
        }
        // Sandwich covariance in u, then (a, b) in x: a = a_u − b_u·x̄/s, b = b_u/s (a linear map J).
        let (_, information) = Self.scoreAndInformation(theta, u, y)
        var meat = [[0.0, 0.0], [0.0, 0.0]]
        for i in u.indices {
            let r = y[i] - Self.logistic(theta[0] + theta[1] * u[i])
            let z = [1, u[i]]
            for j in 0..<2 { for k in 0..<2 { meat[j][k] += r * r * z[j] * z[k] } }
        }
        let bread = Self.inverse(information)
        let correction = n / (n - 2)
        let vu = Self.product(Self.product(bread, meat), bread).map { $0.map { $0 * correction } }
        let jacobian = [[1, -center / scale], [0, 1 / scale]]
        let jacobianT = [[jacobian[0][0], jacobian[1][0]], [jacobian[0][1], jacobian[1][1]]]
        covariance = Self.product(Self.product(jacobian, vu), jacobianT)
        intercept = theta[0] - theta[1] * center / scale
        slope = theta[1] / scale
        count = points.count
    }

    /// The fitted fraction at `x`.
    public func value(at x: Double) -> Double { Self.logistic(intercept + slope * x) }

    /// Student-t quantile of the 95 % interval: n − 2 degrees of freedom (two fitted parameters).
    public var quantile: Double { StudentT.quantile(0.975, degreesOfFreedom: Double(count - 2)) }

    /// Fieller's 95 % interval of the crossing: { c : (a + b c)² ≤ t² (Vaa + 2c Vab + c² Vbb) },
    /// nil when that set is not a bounded interval (the slope is not significantly ≠ 0).
    public var crossingInterval95: ClosedRange<Double>? {
        let t2 = quantile * quantile
        let (vaa, vab, vbb) = (covariance[0][0], covariance[0][1], covariance[1][1])
        let qa = slope * slope - t2 * vbb, qb = 2 * (intercept * slope - t2 * vab), qc = intercept * intercept - t2 * vaa
        guard qa > 0 else { return nil }
        let discriminant = qb * qb - 4 * qa * qc
        guard discriminant >= 0 else { return nil }  // cannot happen when qa > 0 (the crossing itself is inside)
        let root = discriminant.squareRoot()
        return ((-qb - root) / (2 * qa))...((-qb + root) / (2 * qa))
    }

    /// A cut c with every y at x < c equal to 0 and every y at x > c equal to 1, or the reverse
    /// (observations at x = c may be anything), if there is one: then the maximum likelihood is
    /// approached only as the curve becomes a step (Albert and Anderson's separation, with each
    /// fraction counted as a success of weight y and a failure of weight 1 − y). Midpoints between
    /// observed x are tried first, so a step between two probes is reported halfway between them, and
    /// fractions all 0 or all 1 beyond the observed x.
    static func separatingCut(_ points: [Point]) -> Double? {
        let xs = Array(Set(points.map(\.x))).sorted()
        let cuts = zip(xs, xs.dropFirst()).map { ($0 + $1) / 2 } + [xs[0] - 1, xs[xs.count - 1] + 1] + xs
        for c in cuts {
            let below = points.filter { $0.x < c }.map(\.y), above = points.filter { $0.x > c }.map(\.y)
            if below.allSatisfy({ $0 == 0 }) && above.allSatisfy({ $0 == 1 }) { return c }
            if below.allSatisfy({ $0 == 1 }) && above.allSatisfy({ $0 == 0 }) { return c }
        }
        return nil
    }

    static func logistic(_ eta: Double) -> Double { 1 / (1 + exp(-eta)) }

    static func quasiLogLikelihood(_ theta: [Double], _ u: [Double], _ y: [Double]) -> Double {
        var sum = 0.0
        for i in u.indices {
            let eta = theta[0] + theta[1] * u[i]
            // ln p = −ln(1 + e^−η), ln(1 − p) = −ln(1 + e^η), both without overflow.
            sum -= y[i] * softplus(-eta) + (1 - y[i]) * softplus(eta)
        }
        return sum
    }

    static func softplus(_ v: Double) -> Double { v > 0 ? v + log1p(exp(-v)) : log1p(exp(v)) }

    static func scoreAndInformation(_ theta: [Double], _ u: [Double], _ y: [Double]) -> ([Double], [[Double]]) {
        var score = [0.0, 0.0], information = [[0.0, 0.0], [0.0, 0.0]]
        for i in u.indices {
            let p = logistic(theta[0] + theta[1] * u[i]), w = p * (1 - p), z = [1, u[i]]
            for j in 0..<2 {
                score[j] += (y[i] - p) * z[j]
                for k in 0..<2 { information[j][k] += w * z[j] * z[k] }
            }
        }
        return (score, information)
    }

    static func inverse(_ m: [[Double]]) -> [[Double]] {
        let det = m[0][0] * m[1][1] - m[0][1] * m[1][0]
        return [[m[1][1] / det, -m[0][1] / det], [-m[1][0] / det, m[0][0] / det]]
    }

    static func solve(_ m: [[Double]], _ v: [Double]) -> [Double] {
        let inv = inverse(m)
        return [inv[0][0] * v[0] + inv[0][1] * v[1], inv[1][0] * v[0] + inv[1][1] * v[1]]
    }

    static func product(_ a: [[Double]], _ b: [[Double]]) -> [[Double]] {
        (0..<2).map { i in (0..<2).map { j in a[i][0] * b[0][j] + a[i][1] * b[1][j] } }
    }
}

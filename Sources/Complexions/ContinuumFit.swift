import RealModule

/// Fits ``ExcessGrandPotential`` to sampled thicknesses h(Δμ) along an isotherm
/// (docs/MODEL.md §11).
///
/// The bulk cost of the M-rich phase at Δμ is ΔG_vol(Δμ) = ΔG₀ + (Δμ_coex − Δμ)·(1 − 2c_b)/ℓ³:
/// the distance from bulk coexistence times the composition jump between the bulk (c_b) and the
/// coexisting M-rich phase (1 − c_b) per volume — measured, not fitted — plus an offset ΔG₀ ≥ 0
/// (eV/nm³), fitted, that makes the M-rich phase metastable even at coexistence. Fitted: λ, Δγ
/// and ΔG₀, by weighted least squares in h (weights 1/SE²): for each (λ, ΔG₀) on a grid Δγ has a
/// closed form (the model is linear in ln(−Δγ) or in (−Δγ)^{1/3}). From h(Δμ) alone only these
/// combinations are identifiable; the composition jump fixes the scale of ΔG_vol.
///
/// Φ(h) describes a film. Points thinner than ``filmThreshold(siteEdge:)`` (half a layer: the
/// sub-monolayer adsorption regime, where the surface layer alone holds the excess) are outside
/// its scope; callers leave them out with ``filmPoints(_:siteEdge:)``.
public struct ContinuumFit: Sendable {
    public struct Point: Sendable, Equatable {
        public var chemicalPotentialDifference: Double
        public var thickness: Double
        public var standardError: Double
        public var bulkComposition: Double
        public init(chemicalPotentialDifference: Double, thickness: Double, standardError: Double, bulkComposition: Double) {
            self.chemicalPotentialDifference = chemicalPotentialDifference
            self.thickness = thickness
            self.standardError = standardError
            self.bulkComposition = bulkComposition
        }
    }

    /// h below which a point is adsorption, not a film: ℓ/2.
    public static func filmThreshold(siteEdge: Double) -> Double { siteEdge / 2 }

    /// The points in the film regime.
    public static func filmPoints(_ points: [Point], siteEdge: Double) -> [Point] {
        points.filter { $0.thickness >= filmThreshold(siteEdge: siteEdge) }
    }

    public let model: ExcessGrandPotential
    /// ΔG₀, eV/nm³.
    public let volumeEnergyOffset: Double
    public let coexistence: Double
    public let siteEdge: Double
    public let points: [Point]
    /// h_fit − h_MC per point, nm.
    public let residuals: [Double]
    public let chiSquared: Double
    /// The best χ² with ΔG₀ = 0 (a film that diverges at coexistence).
    public let chiSquaredWithoutOffset: Double

    /// Whether the data exclude a diverging film (complete wetting) at 95 %: the likelihood-ratio
    /// test of ΔG₀ = 0, χ²(ΔG₀ = 0) − χ²(best) > 3.84 (one constraint). Otherwise h_EQ at
    /// coexistence is reported as infinite.
    public var staysFinite: Bool { chiSquaredWithoutOffset - chiSquared > 3.84 }

    /// h_EQ at bulk coexistence as the data support it: finite only if ``staysFinite``.
    public var coexistenceThickness: Double { staysFinite ? thicknessAtCoexistence : .infinity }

    public var degreesOfFreedom: Int { points.count - 3 }

    /// ΔG_vol at a point, eV/nm³.
    public func volumeEnergy(_ p: Point) -> Double {
        Self.volumeEnergy(p, offset: volumeEnergyOffset, coexistence: coexistence, siteEdge: siteEdge)
    }

    static func volumeEnergy(_ p: Point, offset: Double, coexistence: Double, siteEdge: Double) -> Double {
        offset + (coexistence - p.chemicalPotentialDifference) * (1 - 2 * p.bulkComposition) / (siteEdge * siteEdge * siteEdge)
    }

    /// The fitted thickness at `point`'s Δμ and bulk composition, nm.
    public func thickness(at p: Point) -> Double { model.equilibriumThickness(volumeEnergy: volumeEnergy(p)) }

    /// The fitted thickness at bulk coexistence: finite only with ΔG₀ > 0.
    public var thicknessAtCoexistence: Double { model.equilibriumThickness(volumeEnergy: volumeEnergyOffset) }

    /// Whether every residual is inside the point's 95 % CI (±`t`·SE).
    public func residualsWithin(t: Double) -> [Bool] {
        zip(residuals, points).map { abs($0) <= t * $1.standardError }
    }

    /// The best fit of `family` to `points` (at least 3, all with Δμ below coexistence).
    public init(family: ExcessGrandPotential.Family, points: [Point], coexistence: Double, siteEdge: Double) throws(ComplexionError) {
        guard points.count >= 3 else { throw .impossible("a continuum fit needs ≥ 3 isotherm points, got \(points.count)") }
        guard points.allSatisfy({ $0.chemicalPotentialDifference < coexistence && $0.bulkComposition < 0.5 }) else {
            throw .impossible("every isotherm point must lie below bulk coexistence (Δμ < \(coexistence) eV, c_b < ½)")
        }
        let floor = 1e-3 * siteEdge
        let weights = points.map { 1 / Swift.max($0.standardError, floor) / Swift.max($0.standardError, floor) }
        let drive = points.map { Self.volumeEnergy($0, offset: 0, coexistence: coexistence, siteEdge: siteEdge) }
        let largest = drive.max()!
        let offsets = [0.0] + (0..<48).map { largest * Double.pow(10, -4 + 4.5 * Double($0) / 47) }
        let lengths = (0..<160).map { siteEdge * Double.pow(10, -1.5 + 3 * Double($0) / 159) }
        var best: (chi: Double, model: ExcessGrandPotential, offset: Double) =
            (.infinity, ExcessGrandPotential(family: family, deltaGamma: 0, decayLength: siteEdge), 0)
        var withoutOffset = Double.infinity
        for offset in offsets {
            let g = drive.map { $0 + offset }
            for l in lengths {
                let model = Self.bestDeltaGamma(family: family, decayLength: l, volumeEnergies: g, points: points, weights: weights)
                var chi = 0.0
                for i in points.indices {
                    let r = model.equilibriumThickness(volumeEnergy: g[i]) - points[i].thickness
                    chi += r * r * weights[i]
                }
                if chi < best.chi { best = (chi, model, offset) }
                if offset == 0 { withoutOffset = Swift.min(withoutOffset, chi) }
            }
        }
        model = best.model
        volumeEnergyOffset = best.offset
        self.coexistence = coexistence
        self.siteEdge = siteEdge
        self.points = points
        chiSquared = best.chi
        chiSquaredWithoutOffset = withoutOffset
        residuals = points.indices.map { Self.volumeEnergy(points[$0], offset: best.offset, coexistence: coexistence, siteEdge: siteEdge) }
            .enumerated().map { best.model.equilibriumThickness(volumeEnergy: $0.element) - points[$0.offset].thickness }
    }

    /// Δγ that minimises the weighted squared error for fixed λ and ΔG_vol values (ignoring the
    /// clamp at h = 0, which no point of a film isotherm reaches).
    static func bestDeltaGamma(family: ExcessGrandPotential.Family, decayLength l: Double, volumeEnergies g: [Double],
                               points: [Point], weights w: [Double]) -> ExcessGrandPotential {
        switch family {
        case .exponential:  // h = a − λ ln G, a = λ ln(−Δγ/λ)
            var num = 0.0, den = 0.0
            for i in g.indices { num += w[i] * (points[i].thickness + l * Double.log(g[i])); den += w[i] }
            let a = num / den
            return ExcessGrandPotential(family: family, deltaGamma: -l * Double.exp(a / l), decayLength: l)
        case .dispersion:  // h + λ = k·G^{−1/3}, k³ = −2Δγλ²
            var num = 0.0, den = 0.0
            for i in g.indices {
                let x = 1 / Double.root(g[i], 3)
                num += w[i] * (points[i].thickness + l) * x
                den += w[i] * x * x
            }
            let k = Swift.max(num / den, 0)
            return ExcessGrandPotential(family: family, deltaGamma: -k * k * k / (2 * l * l), decayLength: l)
        }
    }
}

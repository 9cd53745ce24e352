import RealModule

/// The continuum model of a surface phase of thickness h (docs/MODEL.md §11):
///
///     Φ(h) = γ₀ + Δγ·f(h) + ΔG_vol·h      (eV/nm²)
///
/// with f(0) = 0, f(∞) = 1: Δγ (eV/nm²) is what a thick surface phase saves over the bare
/// surface, ΔG_vol (eV/nm³) the cost per volume of the metastable M-rich phase, λ (nm) the decay
/// length of the interface interaction. A finite minimum needs Δγ < 0 and ΔG_vol > 0; as
/// ΔG_vol → 0 the minimum moves out to infinity (complete wetting).
public struct ExcessGrandPotential: Sendable, Equatable {
    public enum Family: String, Sendable, Equatable, CaseIterable {
        /// f = 1 − e^{−h/λ}: short-range interactions. h_EQ = λ·ln(−Δγ/(λ·ΔG_vol)), diverging
        /// logarithmically as ΔG_vol → 0.
        case exponential
        /// f = 1 − (λ/(h + λ))²: dispersion (van der Waals–like) forces, an interface potential
        /// ∝ 1/h² at large h. h_EQ = (−2Δγλ²/ΔG_vol)^{1/3} − λ, diverging as ΔG_vol^{−1/3}.
        case dispersion
    }

    public var family: Family
    public var surfaceEnergy = 0.0
    public var deltaGamma: Double
    public var decayLength: Double

    public init(family: Family, deltaGamma: Double, decayLength: Double, surfaceEnergy: Double = 0) {
        self.family = family
        self.deltaGamma = deltaGamma
        self.decayLength = decayLength
        self.surfaceEnergy = surfaceEnergy
    }

    public func f(_ h: Double) -> Double {
        switch family {
        case .exponential: return 1 - Double.exp(-h / decayLength)
        case .dispersion:
            let r = decayLength / (h + decayLength)
            return 1 - r * r
        }
    }

    /// Φ(h) for a bulk cost `volumeEnergy` = ΔG_vol, eV/nm².
    public func phi(_ h: Double, volumeEnergy: Double) -> Double {
        surfaceEnergy + deltaGamma * f(h) + volumeEnergy * h
    }

    /// The h ≥ 0 that minimises Φ, nm; +∞ when Δγ < 0 and ΔG_vol ≤ 0 (nothing stops the film).
    /// Φ is convex for Δγ < 0 (f is concave), so the stationary point is the minimum.
    public func equilibriumThickness(volumeEnergy g: Double) -> Double {
        guard deltaGamma < 0 else { return g >= 0 ? 0 : .infinity }
        guard g > 0 else { return .infinity }
        let l = decayLength
        switch family {
        case .exponential: return max(0, l * Double.log(-deltaGamma / (l * g)))
        case .dispersion: return max(0, Double.root(-2 * deltaGamma * l * l / g, 3) - l)
        }
    }
}

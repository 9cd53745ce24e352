import Foundation
import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// Gibbs–Thomson by simulation under `resolution: physical` (docs/MODEL.md §3b): a Li particle of
/// half-edge h on the substrate is critical at η_GT = 2γΩ/(eh) — above it it grows, below it it
/// dissolves. The particle is the lattice's T = 0 Wulff shape on a θ = 90° substrate, an L × L × L/2
/// block (h = Lℓ/2), held at a fixed η = factor·η_GT (potentiostatic) until it has doubled its sites
/// or lost three quarters of them. A critical particle commits either way with probability ½, so the
/// claim "η_GT is the critical overpotential within ±25 %" is: at 0.75·η_GT fewer than half of the
/// replicas grow, at 1.25·η_GT more than half do, each by an exact binomial test at α = 10⁻³.
/// η_GT is computed from γ and Ω, not from the model's bond.
///
/// Where it holds (measured, §3b): at ℓ = 2 nm the crossing is at 0.85–0.9 η_GT for h = 4 and 8 nm
/// (the finite-temperature surface free energy is below the T = 0 one). At ℓ = 1 nm the lattice is
/// nearly frozen, and more so at 0.5 nm: the block keeps its size over a window of η around η_GT within
/// an affordable run (facets grow and shrink only by nucleating a layer), so only a bracket is tested.
/// At ℓ = 4 nm (above roughening) the crossing is at 0.3–0.45 η_GT: Gibbs–Thomson fails there by a
/// factor of 2–3, and no test claims otherwise.
@Suite struct GibbsThomsonTests {
    static let gamma = 0.5  // J/m²
    /// 1 J/m² in eV/nm² (independently of the model's constant).
    static let joule = 1 / 1.602_176_634e-19 / 1e18

    enum Outcome: Equatable { case grew, dissolved, undecided }

    /// One replica: the L × L × L/2 block in a 3L × 3L box at η = factor·η_GT.
    static func outcome(edge: Double, blockEdge L: Int, factor: Double, seed: UInt64, budget: UInt64) throws -> Outcome {
        var p = try ModelParameters(substrateNamed: "Cu")
        p.substrate.contactAngleDegrees = 90
        p.resolution = .physical
        p.lithiumSurfaceEnergy = gamma
        p.siteEdge = edge
        p.substrateLayers = 1
        // Sets the time scale only; a larger i₀ means fewer hops per faradaic event (cheaper).
        p.exchangeCurrentDensity = 10
        try p.validate()
        let h = Double(L) * edge / 2
        let eta = factor * 2 * gamma * joule * p.modelAtomicVolume / h
        let height = L / 2
        let shape = try LatticeShape(lx: 3 * L, ly: 3 * L, lz: 1 + 2 * height + 3)
        var kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1)
        for x in L..<(2 * L) {
            for y in L..<(2 * L) {
                for z in 1...height { kinds[Int(shape.index(x: x, y: y, z: z))] = SiteKind.lithium }
            }
        }
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: seed, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        let initial = engine.application.lithiumSites
        var events: UInt64 = 0
        while events < budget {
            events += 1_000
            _ = engine.run(.events(events))
            let sites = engine.application.lithiumSites
            if sites >= 2 * initial { return .grew }
            if 4 * sites <= initial { return .dissolved }
        }
        return .undecided
    }

    /// Replicas that grew, of `replicas` (seeds 1…n).
    static func grown(edge: Double, blockEdge: Int, factor: Double, replicas: Int, budget: UInt64) throws -> Int {
        try (1...replicas).filter {
            try outcome(edge: edge, blockEdge: blockEdge, factor: factor, seed: UInt64($0), budget: budget) == .grew
        }.count
    }

    /// P(X ≥ k) for X ~ Binomial(n, ½).
    static func upperTail(_ k: Int, of n: Int) -> Double {
        var total = 0.0, term = pow(0.5, Double(n))  // C(n, 0)/2ⁿ
        for i in 0...n {
            if i >= k { total += term }
            term *= Double(n - i) / Double(i + 1)
        }
        return total
    }

    /// The fewest successes of n that reject p = ½ (one-sided) at α.
    static func threshold(_ n: Int, alpha: Double = 1e-3) -> Int {
        (0...n).first { upperTail($0, of: n) < alpha }!
    }

    /// ℓ = 2 nm, h = 4 and 8 nm (L = 4, 8): dissolves at 0.75·η_GT, grows at 1.25·η_GT.
    @Test(arguments: [4, 8])
    func criticalOverpotentialIsGibbsThomsonAtTwoNanometres(blockEdge: Int) throws {
        let n = 24, k = Self.threshold(24)
        let below = try Self.grown(edge: 2, blockEdge: blockEdge, factor: 0.75, replicas: n, budget: 2_000_000)
        let above = try Self.grown(edge: 2, blockEdge: blockEdge, factor: 1.25, replicas: n, budget: 2_000_000)
        #expect(n - below >= k, "h = \(blockEdge) nm at 0.75 η_GT: \(below) of \(n) grew")
        #expect(above >= k, "h = \(blockEdge) nm at 1.25 η_GT: \(above) of \(n) grew")
    }

    /// ℓ = 1 nm (h = 4 nm, L = 8) and 0.5 nm (h = 2 nm, L = 8): the lattice is nearly frozen around
    /// η_GT, so only a bracket holds: it dissolves below it and grows above it (measured windows of no
    /// change within 2·10⁶ events: 1 to 1.33 η_GT at 1 nm, 1 to 2 η_GT at 0.5 nm; §3b).
    @Test(arguments: [(1.0, 0.75, 1.75), (0.5, 0.5, 3.0)])
    func criticalOverpotentialIsBracketedOnFrozenLattices(edge: Double, low: Double, high: Double) throws {
        let n = 12, k = Self.threshold(12)
        let below = try Self.grown(edge: edge, blockEdge: 8, factor: low, replicas: n, budget: 2_000_000)
        let above = try Self.grown(edge: edge, blockEdge: 8, factor: high, replicas: n, budget: 2_000_000)
        #expect(n - below >= k, "ℓ = \(edge) nm at \(low) η_GT: \(below) of \(n) grew")
        #expect(above >= k, "ℓ = \(edge) nm at \(high) η_GT: \(above) of \(n) grew")
    }

    @Test func binomialThresholdsAreExact() {
        // 20 of 24: P = (C(24,20) + … + C(24,24))/2²⁴ = 12951/16777216 = 7.7e-4 < 10⁻³; 19 of 24: 3.3e-3.
        #expect(Self.threshold(24) == 20)
        #expect(abs(Self.upperTail(20, of: 24) - 12951.0 / 16_777_216) < 1e-15)
        #expect(Self.threshold(12) == 12)
    }
}

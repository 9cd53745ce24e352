import GSLRandom
import Lattice
import RealModule

/// Metropolis Monte Carlo of a ``Slab`` (docs/MODEL.md §11): the equilibrium solver beside the
/// KMC one. It knows the Hamiltonian of ``ComplexionParameters`` and nothing of time.
///
/// One attempt picks a mobile site i uniformly, then
/// - **exchange** (Kawasaki): a direction uniformly among six; if the neighbour j is mobile and of
///   the other species, swap them with probability min(1, e^{−ΔH/kT}). Picking (i, j) and (j, i)
///   is equally likely, so the proposal is symmetric;
/// - **flip** (semi-grand only, with probability ``flipFraction``): Li ↔ M with probability
///   min(1, e^{−(ΔH − Δμ·ΔN_M)/kT}).
/// ΔH is local: for a site turning a → b it is Σ_n δ(a, b, s_n) over its face neighbours n, with
/// δ(a, b, k) = ε(a, k) − ε(b, k) tabulated once; an exchange adds the terms of both sites without
/// their common bond (unchanged by the swap). O(1) per attempt; the bond energy is kept up to date.
public struct MetropolisSampler {
    public private(set) var slab: Slab
    public let parameters: ComplexionParameters
    public let ensemble: SamplingEnsemble
    /// Share of attempts that are flips in the semi-grand ensemble.
    public let flipFraction: Double
    public private(set) var random: UniformBuffer
    /// H without the −Δμ·N_M term, eV; updated by every accepted move.
    public private(set) var bondEnergy: Double
    public private(set) var exchanges = MoveStatistics()
    public private(set) var flips = MoveStatistics()
    /// δ(a, b, k) = ε(a, k) − ε(b, k) at index 9a + 3b + k.
    let change: [Double]
    let beta: Double
    let frozenLimit: UInt32

    public init(slab: Slab, parameters: ComplexionParameters, ensemble: SamplingEnsemble, flipFraction: Double = 0.5,
                random: UniformBuffer) throws(ComplexionError) {
        try parameters.validate()
        guard (0...1).contains(flipFraction) else {
            throw .invalid(field: "flip_fraction", value: flipFraction, allowed: "[0, 1]")
        }
        self.slab = slab
        self.parameters = parameters
        self.ensemble = ensemble
        self.flipFraction = ensemble == .canonical ? 0 : flipFraction
        self.random = random
        let e = parameters.pairEnergies
        var change = [Double](repeating: 0, count: 27)
        for a in 0..<3 { for b in 0..<3 { for k in 0..<3 { change[9 * a + 3 * b + k] = e[a, k] - e[b, k] } } }
        self.change = change
        beta = 1 / parameters.thermalEnergy
        frozenLimit = UInt32(slab.frozenLayers * slab.layerArea)
        bondEnergy = slab.bondEnergy(e)
    }

    /// ΔH (eV) of turning `site` from `a` into `b`, leaving out the bond to `skip`.
    @inline(__always)
    func flipEnergy(_ site: UInt32, at c: SiteCoordinates, from a: UInt8, to b: UInt8, skip: UInt32) -> Double {
        let around = slab.shape.neighbors(of: site, at: c)
        let base = 9 &* Int(a) &+ 3 &* Int(b)
        var delta = 0.0
        for d in 0..<Neighbors.directions {
            let n = around[d]
            if n == Neighbors.none || n == skip { continue }
            delta += change[base &+ Int(slab.states[Int(n)])]
        }
        return delta
    }

    @inline(__always)
    mutating func accepts(_ delta: Double) -> Bool {
        delta <= 0 || random.next() < Double.exp(-beta * delta)
    }

    /// One attempt (exchange or flip) at a uniformly chosen mobile site.
    public mutating func attempt() {
        let sites = slab.mobileSites
        let site = sites[min(Int(random.next() * Double(sites.count)), sites.count - 1)]
        let c = slab.shape.coordinates(of: site)
        let a = slab.states[Int(site)]
        if flipFraction > 0 && random.next() < flipFraction {
            flips.attempted &+= 1
            let b = a == SlabSpecies.lithium ? SlabSpecies.solute : SlabSpecies.lithium
            let delta = flipEnergy(site, at: c, from: a, to: b, skip: Neighbors.none)
            let field = b == SlabSpecies.solute ? parameters.chemicalPotentialDifference : -parameters.chemicalPotentialDifference
            if accepts(delta - field) {
                slab.set(site, to: b, layer: c.z)
                bondEnergy += delta
                flips.accepted &+= 1
            }
            return
        }
        exchanges.attempted &+= 1
        let direction = min(Int(random.next() * 6), 5)
        let partner = slab.shape.neighbors(of: site, at: c)[direction]
        guard partner != Neighbors.none, partner >= frozenLimit else { return }
        let b = slab.states[Int(partner)]
        guard b != a, b != SlabSpecies.empty else { return }
        let pc = slab.shape.coordinates(after: c, direction: direction)
        let delta = flipEnergy(site, at: c, from: a, to: b, skip: partner)
            + flipEnergy(partner, at: pc, from: b, to: a, skip: site)
        if accepts(delta) {
            slab.set(site, to: b, layer: c.z)
            slab.set(partner, to: a, layer: pc.z)
            bondEnergy += delta
            exchanges.accepted &+= 1
        }
    }

    /// One Monte Carlo sweep: as many attempts as there are mobile sites.
    public mutating func sweep() {
        for _ in 0..<slab.mobileSites.count { attempt() }
    }

    /// Removes the top `layers` layers (see ``Slab/strip(layers:)``) and re-counts the energy.
    public mutating func strip(layers: Int) throws(ComplexionError) {
        try slab.strip(layers: layers)
        bondEnergy = slab.bondEnergy(parameters.pairEnergies)
    }
}

import Kinetics
import Lattice

/// Kawasaki-exchange kinetics of a ``Slab`` on the KMC solver: the time scale of self-healing.
///
/// Event 3·i + k is "the bond from site i along +x, +y, +z (k = 0, 1, 2) swaps its ends". It can
/// happen when both ends are mobile and one is Li, the other M; its class is fixed by the
/// species at i and the counts of empty, Li and M neighbours of each end apart from the other
/// end, which fix ΔH — so the classes are tabulated once (``ExchangeClasses``) and a
/// classification is a table look-up. The solver knows none of this.
public struct ExchangeKinetics {
    public internal(set) var slab: Slab
    public let parameters: ComplexionParameters
    public let rates: ExchangeRates
    let classes: ExchangeClasses
    public let rateCatalog: RateCatalog
    let frozenLimit: UInt32

    public init(slab: Slab, parameters: ComplexionParameters, rates: ExchangeRates = ExchangeRates()) throws(ComplexionError) {
        try parameters.validate()
        try rates.validate()
        self.slab = slab
        self.parameters = parameters
        self.rates = rates
        classes = ExchangeClasses(parameters: parameters, rates: rates)
        do { rateCatalog = try RateCatalog(rates: classes.rates) } catch { throw .impossible("\(error)") }
        frozenLimit = UInt32(slab.frozenLayers * slab.layerArea)
    }

    /// The two ends of bond event `event`, or nil when the neighbour is across a wall.
    func ends(of event: UInt32) -> (UInt32, UInt32, Int)? {
        let site = event / 3
        let direction = 2 * Int(event % 3)
        let other = slab.shape.neighbors(of: site)[direction]
        return other == Neighbors.none ? nil : (site, other, direction)
    }

    /// Neighbour counts (empty, Li, M) of `site` without `skip`, packed as e·36 + l·6 + m.
    func countKey(_ site: UInt32, skip: UInt32) -> Int {
        var key = 0
        for n in slab.shape.neighbors(of: site) where n != skip { key += Self.keyWeight[Int(slab.states[Int(n)])] }
        return key
    }

    /// What one neighbour of each species adds to a count key.
    static let keyWeight = [36, 6, 1]
}

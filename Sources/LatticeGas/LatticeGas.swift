import GSLRandom
import Kinetics
import Lattice

/// A lattice gas with nearest-neighbour hops and bond-counting energetics: the validation
/// workload of the KMC core and the benchmark against other KMC codes.
///
/// Event i is "the particle at site i hops"; all of a particle's directions are one event of
/// rate n_T · Γ(B) (n_T empty neighbours), and the direction is drawn after selection, which
/// keeps one class entry per particle instead of one per (particle, direction).
/// Each site has a 32-bit cell: its state (bits 16…23) and the `NeighborKeys` key of its
/// surroundings (bits 0…15), updated when a neighbour changes, so that re-classifying a site is
/// one load and one table look-up. The cells are the only copy of the state the event loop
/// writes: a hop touches two cells and their neighbours and nothing else. ``grid`` — state
/// bytes with their bit planes, for whole-lattice kernels, checkpoints and output — is built
/// from the cells when asked for (a second copy kept in step would cost every hop two more
/// cache lines of bytes and two of bit planes, the largest share of its misses on big lattices).
public struct LatticeGas {
    public static let maximumSubstrateKinds = 3

    public let parameters: LatticeGasParameters
    public let shape: LatticeShape
    /// Number of site states: empty, particle and one per substrate kind.
    public let stateCount: Int
    @usableFromInline var cells: SiteWords
    @usableFromInline let classOfKey: [Int16]
    @usableFromInline let stateWeights: [UInt16]
    @usableFromInline let targetsOfClass: [Int]
    @usableFromInline let prefetchOffsets: PrefetchOffsets
    let classes: HopClasses
    public let rateCatalog: RateCatalog
    /// The last hop carried out (origin, destination, direction 0…5 as in `Neighbors`).
    @usableFromInline var recentHop = Hop(origin: 0, destination: 0, direction: 0)

    public struct Hop: Sendable, Equatable {
        public var origin: UInt32
        public var destination: UInt32
        public var direction: Int
        @inlinable public init(origin: UInt32, destination: UInt32, direction: Int) {
            self.origin = origin
            self.destination = destination
            self.direction = direction
        }
    }

    /// The state of every site (see ``SiteState``), read from the cells.
    public var states: [UInt8] { cells.array.map { UInt8(truncatingIfNeeded: $0 >> 16) } }

    /// The site states and their bit planes, built from the cells: O(sites) per call, so take it once.
    public var grid: SiteGrid {
        do { return try SiteGrid(shape: shape, stateCount: stateCount, states: states) } catch {
            preconditionFailure("cells hold a state outside 0..<\(stateCount): \(error)")
        }
    }

    /// The last hop carried out (origin, destination, direction 0…5 as in `Neighbors`).
    public var lastHop: Hop { recentHop }

    /// A lattice gas on `shape` with the given site states (see ``SiteState``).
    public init(shape: LatticeShape, parameters: LatticeGasParameters, states: [UInt8]) throws(LatticeGasError) {
        try parameters.validate()
        let stateCount = 2 + parameters.substrateBondEnergies.count
        let sites: SiteGrid
        do {
            sites = try SiteGrid(shape: shape, stateCount: stateCount, states: states)
        } catch {
            throw .invalidState(reason: "\(error)")
        }
        self.parameters = parameters
        self.shape = shape
        self.stateCount = stateCount
        prefetchOffsets = PrefetchOffsets(shape: shape)
        classes = HopClasses(parameters: parameters, stateCount: stateCount, coordinations: shape.coordinationNumbers)
        classOfKey = classes.classOfKey
        targetsOfClass = classes.targetsOfClass
        stateWeights = (0..<stateCount).map { UInt16(NeighborKeys.weight(ofState: $0)) }
        do { rateCatalog = try RateCatalog(rates: classes.rates) } catch {
            throw .invalidState(reason: "\(error)")
        }
        cells = SiteWords(NeighborKeys.cells(of: sites))
    }

    /// Particles placed uniformly at random on a fraction `coverage` of the non-substrate
    /// sites (rounded to the nearest integer), by a partial Fisher–Yates shuffle.
    public static func randomStates(
        shape: LatticeShape, coverage: Double, substrate: [UInt8]? = nil, random: RandomStream
    ) throws(LatticeGasError) -> [UInt8] {
        guard (0...1).contains(coverage) else {
            throw .invalidParameter(field: "coverage", value: coverage, allowed: "0 ≤ coverage ≤ 1")
        }
        var states = substrate ?? [UInt8](repeating: SiteState.empty, count: shape.siteCount)
        var free = states.indices.filter { states[$0] == SiteState.empty }
        let particles = Int((coverage * Double(free.count)).rounded())
        for i in 0..<particles {
            let j = i + Int(random.uniform() * Double(free.count - i))
            free.swapAt(i, min(j, free.count - 1))
            states[free[i]] = SiteState.particle
        }
        return states
    }

    public var particleCount: Int { cells.array.count { $0 & Self.stateMask == Self.particleCell } }

    /// Sites whose stored cell differs from a fresh count (empty when bookkeeping is exact).
    public func staleCells() -> [UInt32] {
        let grid = self.grid
        return (0..<UInt32(shape.siteCount)).filter { cells[Int($0)] != NeighborKeys.cell(of: $0, in: grid) }
    }

    /// Number of particle–particle bonds (each pair once), an energy observable.
    public func particleBonds() -> Int {
        let grid = self.grid
        var bonds = 0
        for site in 0..<UInt32(grid.shape.siteCount) where grid[site] == SiteState.particle {
            for neighbor in grid.shape.neighbors(of: site) where grid[neighbor] == SiteState.particle { bonds += 1 }
        }
        return bonds / 2
    }
}

extension LatticeGas {
    /// Memory per site in the event loop: the 32-bit cell (state and neighbour key), the packed
    /// (class, slot) word of the rate-class table, and the member-array entry (worst case, one per
    /// site). ``grid`` adds a state byte and ≤ 1 byte of bit planes while it is held.
    public static let bytesPerSite = 4 + 8 + 4
}

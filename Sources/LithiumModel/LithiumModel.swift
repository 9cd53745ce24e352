import GSLRandom
import Kinetics
import Lattice

/// The Li electrodeposition model as a KMC application: Li hops, reduction of Li⁺, oxidation
/// of Li, alloying into a lithiophilic substrate, de-alloying and Li transport in the alloy,
/// under galvanostatic, potentiostatic or fixed-flux control. Rates: ``RateConstants``.
///
/// Each site has a 32-bit cell (``CellLayout``): its kind, its ``NeighborCounts`` key and its
/// electronic state (dead or connected), kept current as neighbours change, so classifying an
/// event is a few loads. Connectivity is exact at every event (``LithiumModel+Connectivity``).
public struct LithiumModel {
    /// Parameters, rates and class tables: immutable and shared, so that the model value stays small
    /// (copying it, as Swift may around a method call, must not copy kilobytes of tables).
    @usableFromInline let definition: ModelDefinition
    @usableFromInline var sites: SiteGrid
    @usableFromInline var cells: SiteWords

    public var parameters: ModelParameters { definition.parameters }
    public var constants: RateConstants { definition.constants }
    public var rateCatalog: RateCatalog { definition.rateCatalog }
    /// The electrochemical control and the overpotential it sets.
    public var control: ElectrochemicalControl
    /// Cathodic minus anodic events so far (reductions and SEI growth minus oxidations; each
    /// carries ℓ³/Ω electrons): Σ over event types of events × ``EventType/electrons``.
    @inlinable public var netFaradaicEvents: Int { eventTally.net }
    /// Events of the reduction type (into the electrolyte side and into M alike).
    public var reductions: Int { eventTally[EventType.reduction.rawValue] }
    /// Events of the oxidation type (of Li and of LiM alike).
    public var oxidations: Int { eventTally[EventType.oxidation.rawValue] }
    /// SEI sites formed (each took one site's worth of Li⁺ and electrons).
    public var seiFormations: Int { eventTally[EventType.seiFormation.rawValue] }
    /// Li sites with no electronic path to the collector.
    public internal(set) var deadSites = 0
    /// Copied from the parameters: read on every change of a site.
    let tracksConnectivity: Bool
    /// Sites a local connectivity search may visit before a full flood fill is cheaper.
    var searchBudget: Int
    /// Scratch space of the connectivity searches (contents meaningless between events).
    var search = ConnectivitySearch()
    /// Events carried out (``EventTally``) and sites of each kind, in fixed-size vectors: per-event
    /// counters must not be heap arrays (a copy of the model would make every increment a copy-on-write).
    @usableFromInline var eventTally = EventTally()
    var kindTally = SIMD8<Int>()
    /// Whether ``reclassify(_:in:)`` may skip the events the current event's site changes listed as
    /// unchanged: set by `perform` when the lattice allows it, cleared by any later step that may
    /// re-list such an event for a change after all (a dead flag changing, the hop of a Li next to
    /// both sites of a move found from its second change, a column move). Meaningless between events.
    var skipsUnchanged = false

    /// Events carried out, by ``EventType``.
    public var eventsByType: [Int] { (0..<EventType.allCases.count).map { eventTally[$0] } }
    /// Number of sites of each named kind (``SiteKind/count``).
    public var population: [Int] { (0..<SiteKind.count).map { kindTally[$0] } }
    /// Number of sites of `kind` (any kind below ``SiteKind/capacity``).
    public func population(of kind: UInt8) -> Int { kindTally[Int(kind)] }

    /// A model on `shape` with the given site kinds (see ``SiteKind``).
    public init(shape: LatticeShape, parameters: ModelParameters, kinds: [UInt8],
                control: ElectrochemicalControl) throws(ModelError) {
        try self.init(shape: shape, parameters: parameters, kinds: kinds, control: control, table: .of(parameters))
    }

    /// A model whose events are those of `table` (tests declare extra events through it). Without
    /// `marksUnchanged`, every listed event is re-classified (``ModelDefinition/unchangedMark`` is 0):
    /// tests compare the two trajectories.
    init(shape: LatticeShape, parameters: ModelParameters, kinds: [UInt8],
         control: ElectrochemicalControl, table: EventTable, marksUnchanged: Bool = true) throws(ModelError) {
        try parameters.validate()
        guard kinds.count == shape.siteCount else {
            throw .impossible("\(kinds.count) site kinds for a lattice of \(shape.siteCount) sites")
        }
        guard kinds.allSatisfy({ $0 < table.kindCount }) else {
            throw .impossible("site kinds must be below \(table.kindCount)")
        }
        do { sites = try SiteGrid(shape: shape, stateCount: SiteKind.capacity, states: kinds) } catch {
            throw .impossible("invalid site kinds: \(error)")
        }
        let constants = RateConstants(parameters)
        let classes = EventClasses(table: table, parameters: parameters, constants: constants,
                                   coordinations: shape.coordinationNumbers)
        let catalog: RateCatalog
        do { catalog = try classes.catalog() } catch { throw .impossible("rate classes: \(error)") }
        definition = ModelDefinition(parameters: parameters, constants: constants, table: table, classes: classes,
                                     rateCatalog: catalog, shape: shape, marksUnchanged: marksUnchanged)
        self.control = control
        tracksConnectivity = parameters.tracksConnectivity
        for (kind, count) in sites.populations().enumerated() { kindTally[kind] = count }
        let keys = NeighborKeySpace.shared
        cells = SiteWords((0..<UInt32(shape.siteCount)).map { [sites] site in
            UInt32(sites[site]) << CellLayout.kindShift | keys.key(of: site, in: sites)
        })
        search = ConnectivitySearch(siteCount: shape.siteCount)
        searchBudget = max(4096, shape.siteCount / 32)
        countHopTargets()
        if tracksConnectivity { markDisconnectedLithium() }
    }

    public var grid: SiteGrid { sites }
    public var shape: LatticeShape { sites.shape }
    /// Sites of the surface plane (Lx × Ly): the electrode area in sites.
    public var surfaceSites: Int { shape.lx * shape.ly }


    /// Stores every Li site's hop targets in its cell (start-up, checkpoint restore).
    /// (The cells are made unique once, not once per Li site.)
    mutating func countHopTargets() {
        let words = cells.mutablePointer()
        for site in 0..<UInt32(shape.siteCount) where kind(words[Int(site)]) == SiteKind.lithium {
            words[Int(site)] |= hopTargets(of: site)
        }
    }

    /// Sites whose stored kind, key or hop-target count differ from a fresh count (empty when the
    /// bookkeeping is exact).
    public func staleCells() -> [UInt32] {
        let mask = CellLayout.keyMask | CellLayout.kindMask
        let keys = NeighborKeySpace.shared
        return (0..<UInt32(shape.siteCount)).filter { site in
            let cell = cells[Int(site)]
            let targets = kind(cell) == SiteKind.lithium ? hopTargets(of: site) : 0
            return cell & mask != UInt32(sites[site]) << CellLayout.kindShift | keys.key(of: site, in: sites)
                || cell & CellLayout.hopTargetMask != targets || cell & CellLayout.unused != 0
        }
    }

    /// Metallic Li sites, connected or dead.
    public var lithiumSites: Int { kindTally[Int(SiteKind.lithium)] }
    /// Li sites electronically connected to the collector.
    public var connectedLithiumSites: Int { lithiumSites - deadSites }
    public var seiSites: Int { kindTally[Int(SiteKind.sei)] }

    /// True if `site` holds Li cut off from the collector.
    public func isDeadLithium(_ site: UInt32) -> Bool { CellLayout.isDead(cells[Int(site)]) }
    public var alloySites: Int { kindTally[Int(SiteKind.alloy)] }
}

extension LithiumModel {
    /// Site kinds of a fresh electrode: `substrateLayers` of M at z = 0 …, then `lithiumLayers`
    /// of Li (a film, for stripping or equilibrium runs), then `coatingLayers` of coating host C,
    /// then electrolyte.
    public static func initialKinds(shape: LatticeShape, substrateLayers: Int, lithiumLayers: Int = 0,
                                    coatingLayers: Int = 0) throws(ModelError) -> [UInt8] {
        let solid = substrateLayers + lithiumLayers + coatingLayers
        guard solid < shape.lz else {
            throw .invalid(field: "lattice.lz", value: "\(shape.lz)",
                           allowed: coatingLayers > 0
                               ? "> substrate_layers + li_film_layers + coating_thickness_sites = \(solid)"
                               : "> substrate_layers + li_film_layers = \(solid)")
        }
        var kinds = [UInt8](repeating: SiteKind.empty, count: shape.siteCount)
        for z in 0..<solid {
            let kind = z < substrateLayers ? SiteKind.substrate
                : z < substrateLayers + lithiumLayers ? SiteKind.lithium : SiteKind.coating
            for y in 0..<shape.ly { for x in 0..<shape.lx { kinds[Int(shape.index(x: x, y: y, z: z))] = kind } }
        }
        return kinds
    }
}

/// The immutable part of a Li model: inputs, derived rates, the event table and its key → class tables.
@usableFromInline final class ModelDefinition: Sendable {
    let parameters: ModelParameters
    let constants: RateConstants
    let table: EventTable
    /// The table and its key → class tables (``EventClasses``), as the event loop reads them.
    let lookup: EventLookup
    let rateCatalog: RateCatalog
    @usableFromInline let prefetchOffsets: PrefetchOffsets
    /// The 3 × 3 × 3 block's offsets (the connectivity test on removal reads it).
    let cube: NeighborhoodCube.InteriorOffsets
    /// The bit that marks a listed event as unchanged by the site change that listed it
    /// (``LithiumModel/change(_:to:at:around:grid:words:affected:previous:next:)``), or 0 where marking is off:
    /// where event numbers reach the bit, and on lattices with a periodic axis of 2 to 4 sites. On axes
    /// of 2 or 3 a site can be a neighbour twice over, or a neighbour of both sites of a move, so that
    /// one change could list an event as unchanged and the next change it; on an axis of 4 a Li next to
    /// both sites of a move can lie in another direction than the one `change` looks in (the wrap).
    let unchangedMark: UInt32

    init(parameters: ModelParameters, constants: RateConstants, table: EventTable, classes: EventClasses,
         rateCatalog: RateCatalog, shape: LatticeShape, marksUnchanged: Bool) {
        // The connectivity tests count the collector sites around as the conductors that are not Li
        // (``EventLookup/touchesCollector(_:)``).
        precondition(table.conductors == table.collector | 1 << SiteKind.lithium, "conductors other than Li and the collector")
        self.parameters = parameters
        self.constants = constants
        self.table = table
        lookup = EventLookup(table: table, classes: classes, keys: .shared)
        self.rateCatalog = rateCatalog
        self.prefetchOffsets = PrefetchOffsets(shape: shape)
        cube = NeighborhoodCube.InteriorOffsets(shape: shape)
        let mark: UInt32 = 1 << 31
        let short = [shape.lx, shape.ly] + (shape.periodicZ ? [shape.lz] : [])
        unchangedMark = marksUnchanged && shape.siteCount * EventSlot.perSite <= Int(mark) && short.allSatisfy({ $0 == 1 || $0 >= 5 })
            ? mark : 0
    }

    deinit { lookup.deallocate() }
}

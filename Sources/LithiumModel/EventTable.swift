import Kinetics

/// The Li model's events, each stated once: the site kind and slot it belongs to, its type, what
/// its rate class reads, its rate and what it does. `classify`, `perform`, the affected-event
/// listing, the rate classes (``EventClasses``) and the faradaic counters (``EventType/electrons``)
/// are all read off this table; adding an event is one entry here, its rate in ``RateConstants``
/// and a line in docs/MODEL.md (see this module's README).
///
/// | kind  | slot | event                    | class reads                      | action                        |
/// |-------|------|--------------------------|----------------------------------|-------------------------------|
/// | empty | 0    | reduction (new Li)       | key, connected conductor nearby  | become Li                     |
/// | empty | 1    | SEI formation            | key, connected Li nearby         | become SEI                    |
/// | Li    | 1    | oxidation                | key, own connectivity            | become empty                  |
/// | Li    | 2    | alloying                 | key                              | move into M → LiM, leave empty |
/// | LiM   | 1    | transport in the alloy   | key                              | move into M → LiM, leave M    |
/// | LiM   | 0    | de-alloying              | key                              | move to empty → Li, leave M   |
/// | M     | 0    | reduction into M         | key                              | become LiM                    |
/// | LiM   | 2    | oxidation of the alloy   | key                              | become M                      |
/// | Li    | 0    | hop (all directions)     | key's binding, hop-target count  | move to a hop target, leave empty |
/// | empty | 2    | sub-grid nucleation      | key                              | become Li                     |
///
/// Reduction into M and oxidation of LiM exist on lithiophilic substrates only, at sites touching
/// the electrolyte; they are of the reduction and oxidation types, so the potential scales them
/// too, and together they put the alloy at equilibrium at η = −ΔG_alloy/e. Dead Li is never
/// oxidised, and reduction and SEI growth need a *connected* neighbour of the right kind.
///
/// Order matters once: rate classes are numbered key by key, entry by entry in table order (the
/// per-target hop classes after all keys), and the class numbers fix the selection order, so
/// reordering entries changes trajectories (not their statistics).
struct EventRule: Sendable {
    /// The kind of site the event belongs to, and its slot there (event number = 3 × site + slot).
    let kind: UInt8
    let slot: Int
    let type: EventType
    let reads: ClassInputs
    /// Rate at η = 0 for a site whose neighbours are `inputs.n` (per target for ``ClassInputs/hopTargets``);
    /// 0 where the event cannot happen.
    let rate: @Sendable (RateInputs) -> Double
    let action: EventAction
}

/// What an event's rate class is found from, besides the site's kind.
enum ClassInputs: Sendable, Equatable {
    /// The neighbour key alone.
    case key
    /// The key, and the site must be electronically connected (not dead).
    case keyIfConnected
    /// The key, and at least one neighbour of `kinds` must be connected: the key's count of them
    /// minus the cell's dead-neighbour count (only Li can be dead).
    case keyIfConnectedNeighbor(among: [UInt8])
    /// The binding of the key and the cell's hop-target count (the rate is per target).
    case hopTargets
    /// The key, and the site's column must allow the coating's move up (``LithiumModel/columnMoves(_:hostAbove:)``):
    /// Li or M directly below, and above the site only coating up to an empty site.
    case keyIfColumnMoves
    /// The key and whether the column allows the move down (as above, with a coating host C
    /// directly above): the rule's rate reads it as ``RateInputs/column``.
    case keyAndColumn
}

/// What carrying out an event does to the lattice.
enum EventAction: Sendable, Equatable {
    /// The site becomes `kind`.
    case become(UInt8)
    /// Li moves to a neighbour chosen uniformly among `destination`s, which becomes `arriving`;
    /// the site becomes `leaving`.
    case move(to: Destination, leaving: UInt8, arriving: UInt8)
    /// The coating's column move (docs/MODEL.md §4c). Up: the C_Li site becomes Li and the coating
    /// above it, with its host site, moves up one site into the first empty site. Down: the Li site
    /// becomes C_Li and the coating above it moves down one site, its top becoming empty.
    case shiftColumn(up: Bool)
    /// Coating Li moves to a neighbour: into a host C (which becomes C_Li) or, with `ontoSurface`,
    /// onto an empty site as Li metal; the site becomes C. Targets are chosen uniformly.
    case coatingMove(ontoSurface: Bool)
    /// Li moves into the coating: into a neighbouring host C (leaving an empty site), or, where the
    /// column allows, by the column move down (``shiftColumn(up:)``), one more choice among equals.
    /// Without `viaNeighbors` only the column move (an insulating coating).
    case intoCoating(viaNeighbors: Bool)

    enum Destination: Sendable, Equatable {
        /// A neighbour of this kind.
        case neighbor(ofKind: UInt8)
        /// An empty neighbour touching a second solid (``EventLookup/isHopTarget(_:)``).
        case hopTarget
    }
}

/// What a rate formula may read: the site's neighbour counts and bond sums, the rate constants.
struct RateInputs {
    let n: NeighborCounts
    /// Bond sum B of a Li atom on the site, and B_in of Li dissolved in M there (docs/MODEL.md §2).
    let binding: Double
    let alloyBinding: Double
    let k: RateConstants
    let lithiophilic: Bool
    /// For a ``ClassInputs/keyAndColumn`` rule: whether the column allows the move down.
    var column = false
}

/// The table and the look-ups the event loop derives from it.
struct EventTable: Sendable {
    let rules: [EventRule]
    /// The rules' actions, apart (an action is plain data; a rule holds a closure).
    let actions: [EventAction]
    /// Per kind × slot (``EventSlot/perSite`` slots per kind): the rule's index, −1 for none.
    let ruleAt: [Int8]
    /// Per kind, four bits each (bit s: slot s; ``EventLookup/slots(of:in:)``): the slots whose
    /// class reads the dead-neighbour count.
    let deadNeighborReaders: UInt32
    /// The slot of the Li hop (re-classified when a hop target appears or goes), and the slot
    /// whose class reads the site's own connectivity.
    let hopSlot: UInt32
    let ownConnectivitySlot: UInt32
    /// Kinds a lattice may hold: the named ones and any the rules mention.
    let kindCount: Int
    /// One bit per kind: the kinds that conduct electrons, and those of them that are always
    /// connected to the collector (M, LiM and a conducting coating: the connectivity searches stop at them).
    let conductors: UInt8
    let collector: UInt8
    /// Per kind, four bits each: the slots whose class reads the column (``ClassInputs/keyIfColumnMoves(hostAbove:)``).
    let columnReaders: UInt32

    @inline(__always) func isConductor(_ kind: UInt8) -> Bool { conductors >> kind & 1 != 0 }
    @inline(__always) func isCollector(_ kind: UInt8) -> Bool { collector >> kind & 1 != 0 }

    init(_ rules: [EventRule], conductingCoating: Bool = false) {
        self.rules = rules
        let coatingBits: UInt8 = conductingCoating ? 1 << SiteKind.coating | 1 << SiteKind.lithiatedCoating : 0
        conductors = 1 << SiteKind.lithium | 1 << SiteKind.substrate | 1 << SiteKind.alloy | coatingBits
        collector = 1 << SiteKind.substrate | 1 << SiteKind.alloy | coatingBits
        var columnReaders: UInt32 = 0
        actions = rules.map(\.action)
        var ruleAt = [Int8](repeating: -1, count: SiteKind.capacity * EventSlot.perSite)
        var kindCount = SiteKind.count
        var readers: UInt32 = 0
        var hop: UInt32?, own: UInt32?
        for (i, r) in rules.enumerated() {
            precondition(r.slot < EventSlot.perSite && Int(r.kind) < SiteKind.capacity, "rule outside the cell's kinds or slots")
            kindCount = max(kindCount, Int(r.kind) + 1)
            if case let .become(k) = r.action { kindCount = max(kindCount, Int(k) + 1) }
            if case let .move(_, leaving, arriving) = r.action { kindCount = max(kindCount, Int(max(leaving, arriving)) + 1) }
            precondition(ruleAt[Int(r.kind) * EventSlot.perSite + r.slot] < 0, "two rules for one kind and slot")
            ruleAt[Int(r.kind) * EventSlot.perSite + r.slot] = Int8(i)
            let shift = UInt32(r.kind) * 4
            switch r.reads {
            case .hopTargets: hop = UInt32(r.slot)
            case .keyIfConnected: own = UInt32(r.slot)
            case .keyIfConnectedNeighbor: readers |= 1 << (shift + UInt32(r.slot))
            case .keyIfColumnMoves, .keyAndColumn: columnReaders |= 1 << (shift + UInt32(r.slot))
            case .key: break
            }
        }
        self.columnReaders = columnReaders
        self.ruleAt = ruleAt
        deadNeighborReaders = readers
        self.kindCount = kindCount
        hopSlot = hop ?? 0
        ownConnectivitySlot = own ?? 1
    }
}

extension EventTable {
    /// The Li model (docs/MODEL.md §2–§4).
    static let lithium = EventTable([
        EventRule(kind: SiteKind.empty, slot: 0, type: .reduction,
                  reads: .keyIfConnectedNeighbor(among: [SiteKind.lithium, SiteKind.substrate, SiteKind.alloy]),
                  // The new atom must touch the electrolyte, as its oxidation (the reverse) requires:
                  // no reduction fills a sealed one-site pocket. With sub-grid nucleation on, Li
                  // appears on bare substrate only by it: reduction needs a Li or LiM neighbour.
                  rate: { $0.n.conductors > 0 && $0.n.empty > 0 && ($0.k.subgridNucleation == 0 || $0.n.lithium + $0.n.alloy > 0)
                      ? $0.k.k0 : 0 },
                  action: .become(SiteKind.lithium)),
        EventRule(kind: SiteKind.empty, slot: 1, type: .seiFormation,
                  reads: .keyIfConnectedNeighbor(among: [SiteKind.lithium]),
                  rate: { $0.n.lithium > 0 ? $0.k.seiRate : 0 },
                  action: .become(SiteKind.sei)),
        EventRule(kind: SiteKind.lithium, slot: 1, type: .oxidation, reads: .keyIfConnected,
                  rate: { $0.n.empty > 0 ? $0.k.oxidation(binding: $0.binding) : 0 },
                  action: .become(SiteKind.empty)),
        EventRule(kind: SiteKind.lithium, slot: 2, type: .alloying, reads: .key,
                  rate: { $0.n.substrate > 0 && $0.lithiophilic ? Double($0.n.substrate) * $0.k.alloying(binding: $0.binding) : 0 },
                  action: .move(to: .neighbor(ofKind: SiteKind.substrate), leaving: SiteKind.empty, arriving: SiteKind.alloy)),
        EventRule(kind: SiteKind.alloy, slot: 1, type: .alloyTransport, reads: .key,
                  rate: { $0.n.substrate > 0 && $0.lithiophilic
                      ? Double($0.n.substrate) * $0.k.alloyTransport(alloyBinding: $0.alloyBinding) : 0 },
                  action: .move(to: .neighbor(ofKind: SiteKind.substrate), leaving: SiteKind.substrate, arriving: SiteKind.alloy)),
        EventRule(kind: SiteKind.alloy, slot: 0, type: .dealloying, reads: .key,
                  rate: { $0.n.empty > 0 && $0.lithiophilic ? Double($0.n.empty) * $0.k.dealloying(alloyBinding: $0.alloyBinding) : 0 },
                  action: .move(to: .neighbor(ofKind: SiteKind.empty), leaving: SiteKind.substrate, arriving: SiteKind.lithium)),
        EventRule(kind: SiteKind.substrate, slot: 0, type: .reduction, reads: .key,
                  rate: { $0.n.empty > 0 && $0.lithiophilic ? $0.k.k0 : 0 },
                  action: .become(SiteKind.alloy)),
        EventRule(kind: SiteKind.alloy, slot: 2, type: .oxidation, reads: .key,
                  rate: { $0.n.empty > 0 && $0.lithiophilic ? $0.k.alloyOxidation(alloyBinding: $0.alloyBinding) : 0 },
                  action: .become(SiteKind.substrate)),
        EventRule(kind: SiteKind.lithium, slot: 0, type: .hop, reads: .hopTargets,
                  rate: { $0.k.hop(binding: $0.binding) },
                  action: .move(to: .hopTarget, leaving: SiteKind.empty, arriving: SiteKind.lithium)),
        // A supercritical nucleus smaller than a site, on bare substrate touching the electrolyte, with
        // no Li within one site (the exclusion zone: a nucleus there would grow by reduction instead).
        EventRule(kind: SiteKind.empty, slot: 2, type: .nucleation, reads: .key,
                  rate: { $0.n.substrate > 0 && $0.n.empty > 0 && $0.n.lithium + $0.n.alloy == 0 ? $0.k.subgridNucleation : 0 },
                  action: .become(SiteKind.lithium)),
    ])
}

extension EventTable {
    /// The table of a model with these parameters: ``lithium``, or with a coating ``coated(_:)``.
    static func of(_ p: ModelParameters) -> EventTable {
        p.hasCoating ? coated(p.coatingElectronics) : lithium
    }

    /// The Li model with a protective coating (docs/MODEL.md §4c): kinds C (5) and C_Li (6).
    ///
    /// | kind  | slot | event                          | class reads                  | action                                  |
    /// |-------|------|--------------------------------|------------------------------|-----------------------------------------|
    /// | C     | 0    | reduction into the coating     | key                          | become C_Li                             |
    /// | C_Li  | 0    | coating hop (conducting: and onto the surface) | key          | move into C → C_Li (onto empty → Li), leave C |
    /// | C_Li  | 1    | oxidation out of the coating   | key                          | become C                                |
    /// | C_Li  | 2    | plating underneath             | key, column                  | column up: become Li                    |
    /// | Li    | 2    | into the coating               | key and column               | into C (conducting), or column down     |
    ///
    /// The Li event takes alloying's slot (a coating requires a lithiophobic substrate). On a
    /// conducting coating, reduction onto the electrolyte side also happens next to C and C_Li.
    /// Li entering and leaving the coating across its top surface (dissolving into it, exsolving
    /// onto it) are of the coating-hop type, so that one channel holds both directions of every
    /// charge-free coating move except the buried interface's.
    static func coated(_ electronics: CoatingElectronics) -> EventTable {
        let conducting = electronics == .conducting
        let c = SiteKind.coating, cLi = SiteKind.lithiatedCoating
        var rules = lithium.rules.filter { !($0.kind == SiteKind.lithium && $0.slot == 2) }
        if conducting, let at = rules.firstIndex(where: { $0.kind == SiteKind.empty && $0.slot == 0 }) {
            let bare = rules[at]
            rules[at] = EventRule(kind: SiteKind.empty, slot: 0, type: .reduction,
                                  reads: .keyIfConnectedNeighbor(among: [SiteKind.lithium, SiteKind.substrate, SiteKind.alloy, c, cLi]),
                                  rate: { $0.n[c] + $0.n[cLi] > 0 && $0.n.empty > 0 ? $0.k.k0 : bare.rate($0) },
                                  action: .become(SiteKind.lithium))
        }
        rules += [
            EventRule(kind: c, slot: 0, type: .reduction, reads: .key,
                      rate: { $0.n.empty > 0 ? $0.k.k0 : 0 }, action: .become(cLi)),
            EventRule(kind: cLi, slot: 0, type: .coatingHop, reads: .key,
                      rate: { Double($0.n[c] + (conducting ? $0.n.empty : 0)) * $0.k.coatingHop },
                      action: .coatingMove(ontoSurface: conducting)),
            EventRule(kind: cLi, slot: 1, type: .oxidation, reads: .key,
                      rate: { $0.n.empty > 0 ? $0.k.coatingOxidation : 0 }, action: .become(c)),
            EventRule(kind: cLi, slot: 2, type: .underplating, reads: .keyIfColumnMoves,
                      rate: { $0.n.lithium + $0.n.substrate > 0 ? $0.k.underplating : 0 }, action: .shiftColumn(up: true)),
            EventRule(kind: SiteKind.lithium, slot: 2, type: .coatingUptake, reads: .keyAndColumn,
                      rate: { Double((conducting ? $0.n[c] : 0) + ($0.column ? 1 : 0)) * $0.k.coatingUptake(binding: $0.binding) },
                      action: .intoCoating(viaNeighbors: conducting)),
        ]
        return EventTable(rules, conductingCoating: conducting)
    }
}

extension EventTable {
    /// The reversible channels of the Li model, for ``Kinetics/ChannelScaling`` (docs/MODEL.md §12):
    /// each names an event type and its reverse. SEI formation has no reverse and is in none.
    /// A channel that moves charge is never scaled: the galvanostatic control solves η for its
    /// net rate, and its firings are the current the run reports.
    static let channels: [EventChannel] = [
        channel("hop", .hop, reverse: .hop),
        channel("alloy transport", .alloyTransport, reverse: .alloyTransport),
        channel("alloying", .alloying, reverse: .dealloying),
        channel("faradaic", .reduction, reverse: .oxidation),
    ]

    /// The channels of a coated model: those of the bare model, the coating hop and the buried
    /// interface (plating underneath and its reverse), both charge-free. On an insulating coating
    /// each holds exactly a process and its reverse, so both may be scaled. On a conducting one they
    /// may not: exsolution onto the surface is of the coating-hop type and its reverse, dissolution
    /// into the coating, of the uptake type (one slot each, ``coated(_:)``), so the pair straddles
    /// the two channels — scaling one alone would change its ratio, and the self-reverse coating-hop
    /// channel would hide a net exsolution flux (docs/MODEL.md §4c). They are watched, not scaled.
    static func coatedChannels(_ electronics: CoatingElectronics) -> [EventChannel] {
        let scalable = electronics == .insulating
        return channels + [
            EventChannel(name: "coating hop", forward: [EventType.coatingHop.rawValue], reverse: [EventType.coatingHop.rawValue],
                         scalable: scalable),
            EventChannel(name: "buried interface", forward: [EventType.underplating.rawValue],
                         reverse: [EventType.coatingUptake.rawValue], scalable: scalable),
        ]
    }

    private static func channel(_ name: String, _ forward: EventType, reverse: EventType) -> EventChannel {
        EventChannel(name: name, forward: [forward.rawValue], reverse: [reverse.rawValue],
                     scalable: forward.electrons == 0 && reverse.electrons == 0)
    }
}

extension LithiumModel {
    /// The model's reversible event channels (``EventTable/channels``).
    public static var channels: [EventChannel] { EventTable.channels }
    /// The reversible event channels of a model with parameters `p` (with a coating, its channels too).
    public static func channels(for p: ModelParameters) -> [EventChannel] {
        p.hasCoating ? EventTable.coatedChannels(p.coatingElectronics) : EventTable.channels
    }
    /// Number of event types the rate table knows (what ``Kinetics/ChannelScaling`` counts over).
    public static var eventTypeCount: Int { EventType.allCases.count }
}

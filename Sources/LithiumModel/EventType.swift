/// The kinds of events of the Li model; each is a `Kinetics` event type, so that the
/// electrochemical control can scale reduction and oxidation as wholes.
public enum EventType: Int, CaseIterable, Sendable {
    case hop = 0, reduction, oxidation, alloying, dealloying, alloyTransport, seiFormation, nucleation
    /// The coating's events (docs/MODEL.md §4c): Li hopping inside it, Li leaving it at the buried
    /// interface into the metal below (the coating column moves up a site), and its reverse.
    case coatingHop, underplating, coatingUptake

    /// Electrons one event takes from the electrode (+1: cathodic, reduction and SEI growth; −1:
    /// oxidation; 0: no charge transfer): what the faradaic counters add up.
    public var electrons: Int {
        switch self {
        case .reduction, .seiFormation, .nucleation: return 1
        case .oxidation: return -1
        case .hop, .alloying, .dealloying, .alloyTransport, .coatingHop, .underplating, .coatingUptake: return 0
        }
    }

    public var name: String {
        switch self {
        case .hop: return "hop"
        case .reduction: return "reduction"
        case .oxidation: return "oxidation"
        case .alloying: return "alloying"
        case .dealloying: return "de-alloying"
        case .alloyTransport: return "alloy transport"
        case .seiFormation: return "SEI formation"
        case .nucleation: return "sub-grid nucleation"
        case .coatingHop: return "coating hop"
        case .underplating: return "plating underneath"
        case .coatingUptake: return "uptake into the coating"
        }
    }
}

/// Every site has three event slots; what a slot means depends on the site's kind (``EventTable``).
/// Event number = 3 × site + slot.
public enum EventSlot {
    public static let perSite = 3
}

/// The kinds of events of the Li model; each is a `Kinetics` event type, so that the
/// electrochemical control can scale reduction and oxidation as wholes.
public enum EventType: Int, CaseIterable, Sendable {
    case hop = 0, reduction, oxidation, alloying, dealloying, alloyTransport, seiFormation

    public var name: String {
        switch self {
        case .hop: return "hop"
        case .reduction: return "reduction"
        case .oxidation: return "oxidation"
        case .alloying: return "alloying"
        case .dealloying: return "de-alloying"
        case .alloyTransport: return "alloy transport"
        case .seiFormation: return "SEI formation"
        }
    }
}

/// Every site has three event slots; what a slot means depends on the site's kind:
///
/// | kind  | slot 0                   | slot 1                 | slot 2                 |
/// |-------|--------------------------|------------------------|------------------------|
/// | empty | reduction (new Li atom)  | SEI formation          | –                      |
/// | Li    | hop (all directions)     | oxidation              | alloying (into M)      |
/// | M     | reduction into M (→ LiM) | –                      | –                      |
/// | LiM   | de-alloying (to empty)   | transport (into M)     | oxidation of the alloy |
///
/// Reduction into M and oxidation of LiM exist on lithiophilic substrates only, at sites
/// touching the electrolyte; they are of the reduction and oxidation types, so the potential
/// scales them too, and together they put the alloy at equilibrium at η = −ΔG_alloy/e.
///
/// Reduction needs an electronically connected conductor next to the empty site, SEI formation
/// connected Li; oxidation needs the Li itself to be connected (dead Li is never oxidised).
///
/// Event number = 3 × site + slot.
public enum EventSlot {
    public static let perSite = 3
}

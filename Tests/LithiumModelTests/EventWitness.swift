import Lattice
import LithiumModel

/// What one event did, read from the site kinds before and after it (never from the model's own
/// counters), and the rules of docs/MODEL.md §4–§5b it must obey given the dead flags before it.
enum Witnessed: String, CaseIterable {
    case reduction, oxidation, reductionIntoM, oxidationOfLiM, seiFormation, nucleation
    case hop, alloying, dealloying, alloyTransport

    /// Net Li⁺ + e⁻ taken from the electrolyte (faradaic events).
    var faradaic: Int {
        switch self {
        case .reduction, .reductionIntoM, .seiFormation, .nucleation: return 1
        case .oxidation, .oxidationOfLiM: return -1
        default: return 0
        }
    }

    /// The model's event type this is counted under.
    var type: EventType {
        switch self {
        case .reduction, .reductionIntoM: return .reduction
        case .oxidation, .oxidationOfLiM: return .oxidation
        case .seiFormation: return .seiFormation
        case .nucleation: return .nucleation
        case .hop: return .hop
        case .alloying: return .alloying
        case .dealloying: return .dealloying
        case .alloyTransport: return .alloyTransport
        }
    }
}

struct EventWitness {
    let shape: LatticeShape
    /// With sub-grid nucleation on, Li appearing on bare M (no Li or LiM next to it) is a nucleation
    /// event: the lattice's reduction cannot put it there.
    var subgridNucleation = false

    /// The event that turns `before` into `after`, and the site it happened at (the mover's
    /// origin for moves); nil if the change is none of the model's events.
    func event(from before: [UInt8], to after: [UInt8]) -> (Witnessed, site: Int)? {
        let changed = before.indices.filter { before[$0] != after[$0] }
        let change = changed.map { (before[$0], after[$0]) }
        let (e, li, m, liM, sei) = (SiteKind.empty, SiteKind.lithium, SiteKind.substrate, SiteKind.alloy, SiteKind.sei)
        if changed.count == 1 {
            switch change[0] {
            case (e, li):
                let bare = !shape.neighbors(of: UInt32(changed[0])).contains { before[Int($0)] == li || before[Int($0)] == liM }
                return (subgridNucleation && bare ? .nucleation : .reduction, changed[0])
            case (li, e): return (.oxidation, changed[0])
            case (m, liM): return (.reductionIntoM, changed[0])
            case (liM, m): return (.oxidationOfLiM, changed[0])
            case (e, sei): return (.seiFormation, changed[0])
            default: return nil
            }
        }
        guard changed.count == 2, isNeighbor(changed[0], changed[1]) else { return nil }
        for (from, to) in [(0, 1), (1, 0)] {
            switch (change[from], change[to]) {
            case ((li, e), (e, li)): return (.hop, changed[from])
            case ((li, e), (m, liM)): return (.alloying, changed[from])
            case ((liM, m), (e, li)): return (.dealloying, changed[from])
            case ((liM, m), (m, liM)): return (.alloyTransport, changed[from])
            default: continue
            }
        }
        return nil
    }

    func isNeighbor(_ a: Int, _ b: Int) -> Bool { shape.neighbors(of: UInt32(a)).contains(UInt32(b)) }

    /// Whether `site` touches a conductor that is alive (M, LiM, or Li not flagged dead).
    func touchesLiveConductor(_ site: Int, kinds: [UInt8], dead: (Int) -> Bool, lithiumOnly: Bool = false) -> Bool {
        shape.neighbors(of: UInt32(site)).contains { n in
            let k = kinds[Int(n)]
            return (k == SiteKind.lithium && !dead(Int(n)))
                || (!lithiumOnly && (k == SiteKind.substrate || k == SiteKind.alloy))
        }
    }

    /// Violations of the dead-Li rules by `event` (empty when it obeys them): dead Li is never
    /// oxidised, SEI forms only next to connected Li, and nothing is reduced onto dead Li alone.
    func violations(of event: (Witnessed, site: Int), kinds: [UInt8], dead: (Int) -> Bool) -> [String] {
        let (what, site) = event
        switch what {
        case .oxidation where dead(site):
            return ["dead Li oxidised at \(site)"]
        case .reduction where !touchesLiveConductor(site, kinds: kinds, dead: dead):
            return ["reduction at \(site) touches no connected conductor"]
        case .reduction where !shape.neighbors(of: UInt32(site)).contains(where: { kinds[Int($0)] == SiteKind.empty }):
            return ["reduction at \(site) fills a sealed pocket"]
        case .seiFormation where !touchesLiveConductor(site, kinds: kinds, dead: dead, lithiumOnly: true):
            return ["SEI formed at \(site) with no connected Li next to it"]
        case .nucleation where !shape.neighbors(of: UInt32(site)).contains(where: { kinds[Int($0)] == SiteKind.substrate })
            || !shape.neighbors(of: UInt32(site)).contains(where: { kinds[Int($0)] == SiteKind.empty }):
            return ["sub-grid nucleation at \(site) not on bare M touching the electrolyte"]
        default:
            return []
        }
    }
}

import Foundation
import LithiumModel

/// A deliberately plain, separate implementation of docs/MODEL.md §2–§4: given the site kinds of a
/// small electrode, it lists every possible transition with its rate, written from the document's
/// formulas with its own neighbour walk, its own bond sums and its own connectivity search (a
/// breadth-first search from the substrate), sharing no code with `LithiumModel` but the
/// `ModelParameters` value the user fills in and the numbering of the site kinds.
///
/// It is slow (it walks the whole lattice per call) and keeps no state: what the model keeps
/// incrementally (keys, dead flags, hop-target counts, rate classes) the oracle derives afresh.
struct RateOracle {
    /// Site kinds as docs/MODEL.md §2 numbers them (the bytes of `LithiumModel.grid`).
    static let empty: UInt8 = 0, lithium: UInt8 = 1, metal: UInt8 = 2, alloy: UInt8 = 3, sei: UInt8 = 4

    /// CODATA 2018: elementary charge (C), Boltzmann constant (eV/K); Li volume per atom (nm³).
    static let charge = 1.602_176_634e-19, boltzmann = 8.617_333_262e-5, atomVolume = 0.0216

    let lx: Int, ly: Int, lz: Int
    let p: ModelParameters

    struct Transition {
        var type: EventType
        /// The site whose event this is (the mover's origin for hops, alloying, transport).
        var site: Int
        var result: [UInt8]
        var rate: Double
    }

    var kT: Double { Self.boltzmann * p.temperature }
    var siteArea: Double { pow(p.siteEdge * 1e-7, 2) }  // cm²
    var atomsPerSite: Double { max(1, (pow(p.siteEdge, 3) / Self.atomVolume).rounded()) }
    var k0: Double { p.exchangeCurrentDensity * 1e-3 * siteArea / (Self.charge * atomsPerSite) }
    var kSEI: Double { p.seiExchangeCurrentDensity * 1e-3 * siteArea / (Self.charge * atomsPerSite) }
    var epsLiLi: Double { p.lithiumBondEnergy }
    /// ε(Li,M): given, or by Young–Dupré from the contact angle, ε(Li,Li)(1 + cos θ)/2.
    var epsLiM: Double { p.lithiumSubstrateBondEnergy ?? p.lithiumBondEnergy * (1 + cos(p.substrate.contactAngleDegrees * .pi / 180)) / 2 }
    var epsLiLiM: Double { p.lithiumAlloyBondEnergy ?? epsLiM }
    var kinkBinding: Double { 3 * epsLiLi }
    /// Sub-grid nucleation per eligible site at η (V): J₀ℓ²·exp(−B_n·f(θ)/η²) for η > 0, with the
    /// heterogeneous shape factor f(θ) = (2 + cos θ)(1 − cos θ)²/4 of a cap of contact angle θ.
    func nucleation(eta: Double) -> Double {
        let c = cos(p.substrate.contactAngleDegrees * .pi / 180)
        let barrier = p.subgridNucleationBarrier * 1e-6 * (2 + c) * (1 - c) * (1 - c) / 4  // V²
        return eta > 0 ? p.subgridNucleationPrefactor * siteArea * exp(-barrier / (eta * eta)) : 0
    }

    /// Face neighbours with the lattice's convention: x and y periodic (an axis of length 2 lists
    /// the same site as its + and − neighbour, an axis of length 1 none), walls at z = 0 and Lz − 1.
    func neighbors(_ site: Int) -> [Int] {
        let x = site % lx, y = (site / lx) % ly, z = site / (lx * ly)
        func at(_ x: Int, _ y: Int, _ z: Int) -> Int { x + lx * (y + ly * z) }
        var list: [Int] = []
        if lx > 1 { list += [at((x + 1) % lx, y, z), at((x + lx - 1) % lx, y, z)] }
        if ly > 1 { list += [at(x, (y + 1) % ly, z), at(x, (y + ly - 1) % ly, z)] }
        if z + 1 < lz { list.append(at(x, y, z + 1)) }
        if z > 0 { list.append(at(x, y, z - 1)) }
        return list
    }

    /// ε(Li, kind), eV; 0 for an empty neighbour.
    func lithiumBond(to kind: UInt8) -> Double {
        switch kind {
        case Self.lithium: return epsLiLi
        case Self.metal: return epsLiM
        case Self.alloy: return epsLiLiM
        case Self.sei: return p.lithiumSEIBondEnergy
        default: return 0
        }
    }

    /// Li sites joined to an M or LiM site by a face-neighbour path of conductors (Li, M, LiM).
    func connectedLithium(_ kinds: [UInt8]) -> Set<Int> {
        var seen = Set(kinds.indices.filter { kinds[$0] == Self.metal || kinds[$0] == Self.alloy })
        var queue = Array(seen)
        while let site = queue.popLast() {
            for n in neighbors(site) where kinds[n] == Self.lithium && !seen.contains(n) {
                seen.insert(n)
                queue.append(n)
            }
        }
        return seen.filter { kinds[$0] == Self.lithium }
    }

    /// Every transition out of `kinds` at overpotential `eta` (V), one entry per event and direction.
    func transitions(_ kinds: [UInt8], eta: Double) -> [Transition] {
        let f = 1 / kT
        let reductionFactor = exp(p.transferCoefficient * f * eta)
        let oxidationFactor = exp(-(1 - p.transferCoefficient) * f * eta)
        let seiFactor = exp(p.seiTransferCoefficient * f * eta)
        let hopPrefactor = p.lithiumDiffusivity / siteArea
        let alloyPrefactor = p.substrate.alloyDiffusivity / siteArea
        let philic = p.substrate.lithiophilic
        let connected = connectedLithium(kinds)
        var list: [Transition] = []
        func add(_ type: EventType, _ site: Int, _ changes: [(Int, UInt8)], _ rate: Double) {
            var result = kinds
            for (s, k) in changes { result[s] = k }
            list.append(Transition(type: type, site: site, result: result, rate: rate))
        }
        for i in kinds.indices {
            let around = neighbors(i)
            let count = { (kind: UInt8) in around.filter { kinds[$0] == kind }.count }
            switch kinds[i] {
            case Self.empty:
                let liveConductor = around.contains {
                    kinds[$0] == Self.metal || kinds[$0] == Self.alloy || connected.contains($0)
                }
                // The new atom must touch the electrolyte (another empty site), as oxidising it requires.
                // With sub-grid nucleation on, Li appears on bare M (no Li or LiM around) only by it.
                let bare = count(Self.lithium) + count(Self.alloy) == 0
                if liveConductor && count(Self.empty) > 0 && (p.subgridNucleationPrefactor == 0 || !bare) {
                    add(.reduction, i, [(i, Self.lithium)], k0 * reductionFactor)
                }
                if p.subgridNucleationPrefactor > 0 && count(Self.metal) > 0 && count(Self.empty) > 0 && bare {
                    add(.nucleation, i, [(i, Self.lithium)], nucleation(eta: eta))
                }
                if kSEI > 0 && around.contains(where: { connected.contains($0) }) {
                    add(.seiFormation, i, [(i, Self.sei)], kSEI * seiFactor)
                }
            case Self.lithium:
                let binding = around.reduce(0) { $0 + lithiumBond(to: kinds[$1]) }
                let hop = hopPrefactor * exp(-(binding - epsLiM) / kT)
                for j in around where kinds[j] == Self.empty {
                    // j must touch a solid other than the mover; with the mover counted, two.
                    let solids = neighbors(j).filter { kinds[$0] != Self.empty }.count
                    if solids >= 2 { add(.hop, i, [(i, Self.empty), (j, Self.lithium)], hop) }
                }
                if connected.contains(i) && count(Self.empty) > 0 {
                    add(.oxidation, i, [(i, Self.empty)], k0 * oxidationFactor * exp(-(binding - kinkBinding) / kT))
                }
                if philic {
                    for j in around where kinds[j] == Self.metal {
                        add(.alloying, i, [(i, Self.empty), (j, Self.alloy)], alloyPrefactor * exp(-(binding - epsLiM) / kT))
                    }
                }
            case Self.alloy where philic:
                let dissolved = kinkBinding + p.substrate.alloyingFreeEnergy
                let binding = dissolved + Double(count(Self.lithium)) * (epsLiLiM - epsLiM)
                for j in around where kinds[j] == Self.empty {
                    add(.dealloying, i, [(i, Self.metal), (j, Self.lithium)], alloyPrefactor * exp(-(binding - epsLiM) / kT))
                }
                for j in around where kinds[j] == Self.metal {
                    add(.alloyTransport, i, [(i, Self.metal), (j, Self.alloy)],
                        alloyPrefactor * exp(-(binding - dissolved) / kT))
                }
                if count(Self.empty) > 0 {
                    add(.oxidation, i, [(i, Self.metal)], k0 * oxidationFactor * exp(-(binding - kinkBinding) / kT))
                }
            case Self.metal where philic:
                if count(Self.empty) > 0 { add(.reduction, i, [(i, Self.alloy)], k0 * reductionFactor) }
            default:
                break
            }
        }
        return list
    }

    /// The grand-canonical weight ln W at overpotential `eta` (relative to the empty electrode):
    /// β·[Σ over Li bonds ε + N_Li·(eη − B_kink) + N_LiM·(eη + ΔG_alloy)], each bond once (a pair
    /// listed twice on a periodic axis of length 2 is two bonds, as in the model's bond sums).
    func logWeight(_ kinds: [UInt8], eta: Double) -> Double {
        var energy = 0.0
        for i in kinds.indices where kinds[i] == Self.lithium {
            for n in neighbors(i) {
                energy += kinds[n] == Self.lithium ? epsLiLi / 2 : lithiumBond(to: kinds[n])
            }
            energy += eta - kinkBinding
        }
        for i in kinds.indices where kinds[i] == Self.alloy { energy += eta + p.substrate.alloyingFreeEnergy }
        return energy / kT
    }
}

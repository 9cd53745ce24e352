import Foundation
import GSLRandom
import Kinetics

/// Independent sites that flip A ⇌ B (rates k_AB, k_BA: one reversible channel, types 0 and 1)
/// and leave from A for good at rate k_absorb (type 2, in no channel): the textbook stiff system
/// of channel scaling. A site that starts in A survives to time t with the probability of the
/// two-state linear system, ``survival(after:)``; when the flips are fast the survivors decay at
/// k_absorb·p_A, p_A = k_BA/(k_AB + k_BA), whatever the flips' absolute speed.
struct ExchangeWithAbsorption: KineticApplication {
    enum State: UInt8 { case a, b, absorbed }
    let rateCatalog: RateCatalog
    let rates: (ab: Double, ba: Double, absorb: Double)
    var states: [State]
    /// Firings per type (A→B, B→A, absorption).
    var firings = [0, 0, 0]

    static let channels = [EventChannel(name: "flip", forward: [0], reverse: [1])]

    init(sites: Int, ab: Double, ba: Double, absorb: Double) throws {
        rateCatalog = try RateCatalog(rates: [ab, ba, absorb], types: [0, 1, 2], typeCount: 3)
        rates = (ab, ba, absorb)
        states = [State](repeating: .a, count: sites)
    }

    var eventCount: Int { states.count * 3 }
    var absorbed: Int { states.count(where: { $0 == .absorbed }) }

    /// Slot 0: A→B, slot 1: B→A, slot 2: absorption from A; classes are the slots.
    func classify(_ event: UInt32) -> Int? {
        let slot = Int(event % 3)
        switch states[Int(event / 3)] {
        case .a: return slot == 1 ? nil : slot
        case .b: return slot == 1 ? 1 : nil
        case .absorbed: return nil
        }
    }

    mutating func perform(_ event: UInt32, rateClass: Int, uniform: Double, random: inout UniformBuffer,
                          affected: AffectedEvents) {
        let site = Int(event / 3)
        firings[rateClass] += 1
        states[site] = [State.b, .a, .absorbed][rateClass]
        for slot in 0..<3 { affected.append(UInt32(site * 3 + slot)) }
    }

    /// Probability that a site starting in A is not absorbed by time t (true rates): the sum of
    /// A and B of the linear system d(A, B)/dt = [[−(k_AB + k_abs), k_BA], [k_AB, −k_BA]]·(A, B).
    func survival(after t: Double) -> Double {
        let (ab, ba, ks) = rates
        let trace = -(ab + ks + ba), det = (ab + ks) * ba - ab * ba
        let root = (trace * trace / 4 - det).squareRoot()
        let (l1, l2) = (trace / 2 + root, trace / 2 - root)
        // A(t) = c1·e^{l1 t} + c2·e^{l2 t} with A(0) = 1, A'(0) = −(k_AB + k_abs); B from A' = −(k_AB + k_abs)A + k_BA·B.
        let c1 = (-(ab + ks) - l2) / (l1 - l2), c2 = 1 - c1
        let a = c1 * exp(l1 * t) + c2 * exp(l2 * t)
        let aDot = c1 * l1 * exp(l1 * t) + c2 * l2 * exp(l2 * t)
        let b = (aDot + (ab + ks) * a) / ba
        return a + b
    }
}


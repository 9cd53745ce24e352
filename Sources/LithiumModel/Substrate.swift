import Foundation

/// A substrate (current-collector) metal: how strongly Li binds to it and whether Li
/// dissolves into it.
///
/// Bond energies follow from a contact angle through Young–Dupré in the bond-counting picture,
/// cos θ = 2·ε(Li,M)/ε(Li,Li) − 1: a lithiophobic metal (θ > 90°) has ε(Li,M) < ε(Li,Li)/2.
public struct Substrate: Sendable, Equatable {
    public var name: String
    /// Li–M bond energy ε(Li,M), eV.
    public var lithiumBondEnergy: Double
    /// Whether Li dissolves into M (forms a solid solution / alloy).
    public var lithiophilic: Bool
    /// Free energy gained when one Li (one site's worth) dissolves into an M site, eV (> 0: favourable).
    public var alloyingFreeEnergy: Double
    /// Li diffusivity inside the Li–M alloy, cm²/s.
    public var alloyDiffusivity: Double
    /// Where the values come from.
    public var source: String

    public init(name: String, lithiumBondEnergy: Double, lithiophilic: Bool, alloyingFreeEnergy: Double = 0,
                alloyDiffusivity: Double = 0, source: String) {
        self.name = name
        self.lithiumBondEnergy = lithiumBondEnergy
        self.lithiophilic = lithiophilic
        self.alloyingFreeEnergy = alloyingFreeEnergy
        self.alloyDiffusivity = alloyDiffusivity
        self.source = source
    }

    /// ε(Li,M) that gives contact angle θ (degrees) for a given ε(Li,Li): ε_LiLi·(1 + cos θ)/2.
    public static func bondEnergy(contactAngleDegrees theta: Double, lithiumBond: Double) -> Double {
        lithiumBond * (1 + cos(theta * .pi / 180)) / 2
    }

    /// The contact angle (degrees) implied by the bond energies.
    public func contactAngleDegrees(lithiumBond: Double) -> Double {
        let c = max(-1, min(1, 2 * lithiumBondEnergy / lithiumBond - 1))
        return acos(c) * 180 / .pi
    }
}

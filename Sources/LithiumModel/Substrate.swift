import Foundation

/// A substrate (current-collector) metal: how Li wets it and whether Li dissolves into it.
///
/// The Li–M bond follows from the contact angle through Young–Dupré in the bond-counting picture,
/// cos θ = 2·ε(Li,M)/ε(Li,Li) − 1: a lithiophobic metal (θ > 90°) has ε(Li,M) < ε(Li,Li)/2. The
/// angle, not the bond, is the input, so it stays meaningful when ε(Li,Li) changes.
public struct Substrate: Sendable, Equatable {
    public var name: String
    /// Equilibrium contact angle θ of Li on M, degrees.
    public var contactAngleDegrees: Double
    /// Whether Li dissolves into M (forms a solid solution / alloy).
    public var lithiophilic: Bool
    /// Free energy gained when one Li (one site's worth) dissolves into an M site, eV (> 0: favourable).
    public var alloyingFreeEnergy: Double
    /// Li diffusivity inside the Li–M alloy, cm²/s.
    public var alloyDiffusivity: Double
    /// Where the values come from.
    public var source: String

    public init(name: String, contactAngleDegrees: Double, lithiophilic: Bool, alloyingFreeEnergy: Double = 0,
                alloyDiffusivity: Double = 0, source: String) {
        self.name = name
        self.contactAngleDegrees = contactAngleDegrees
        self.lithiophilic = lithiophilic
        self.alloyingFreeEnergy = alloyingFreeEnergy
        self.alloyDiffusivity = alloyDiffusivity
        self.source = source
    }

    /// ε(Li,M) that gives this contact angle for a given ε(Li,Li): ε_LiLi·(1 + cos θ)/2.
    public func lithiumBondEnergy(lithiumBond: Double) -> Double {
        lithiumBond * (1 + cos(contactAngleDegrees * .pi / 180)) / 2
    }

    /// The contact angle (degrees) that bond energies imply.
    public static func contactAngleDegrees(substrateBond: Double, lithiumBond: Double) -> Double {
        let c = max(-1, min(1, 2 * substrateBond / lithiumBond - 1))
        return acos(c) * 180 / .pi
    }
}

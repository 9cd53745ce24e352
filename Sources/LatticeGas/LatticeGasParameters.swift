import RealModule

/// Energetics of the lattice gas: particles hop between face-neighbour sites with the
/// initial-state (Clarke–Vvedensky) Arrhenius rate
///
///     Γ(i) = ν · exp(−(E_d + B(i)) / k_B T)   per direction, s⁻¹,
///     B(i) = ε · (particle neighbours) + Σ_k ε_k · (substrate-k neighbours),
///
/// which obeys detailed balance for H = −Σ ε(sᵢ, sⱼ) over bonded pairs, because the energy
/// change of a hop i → j is B(i) − B(j without the mover) and the saddle term E_d is shared.
public struct LatticeGasParameters: Sendable, Equatable {
    /// Boltzmann constant, eV/K (CODATA 2018, exact).
    public static let boltzmann = 8.617_333_262e-5

    /// Temperature T, K.
    public var temperature: Double
    /// Attempt frequency ν, s⁻¹.
    public var attemptFrequency: Double
    /// Terrace diffusion barrier E_d, eV.
    public var diffusionBarrier: Double
    /// Particle–particle bond energy ε, eV (> 0 attractive).
    public var bondEnergy: Double
    /// Particle–substrate bond energy ε_k of each immobile substrate kind k, eV.
    public var substrateBondEnergies: [Double]

    /// Defaults: 300 K, ν = 10¹³ s⁻¹ (a typical phonon frequency), E_d = 0.3 eV,
    /// ε = 0.04 eV (ε/k_BT = 1.55, above the 2D critical value 1.763: a disordered fluid, so a
    /// benchmark from a random start stays statistically stationary), no substrate kinds.
    public init(
        temperature: Double = 300, attemptFrequency: Double = 1e13, diffusionBarrier: Double = 0.3,
        bondEnergy: Double = 0.04, substrateBondEnergies: [Double] = []
    ) {
        self.temperature = temperature
        self.attemptFrequency = attemptFrequency
        self.diffusionBarrier = diffusionBarrier
        self.bondEnergy = bondEnergy
        self.substrateBondEnergies = substrateBondEnergies
    }

    /// k_B T, eV.
    public var thermalEnergy: Double { Self.boltzmann * temperature }

    /// Rate of one hop direction for binding energy `binding` (eV), s⁻¹.
    public func hopRate(binding: Double) -> Double {
        attemptFrequency * Double.exp(-(diffusionBarrier + binding) / thermalEnergy)
    }

    /// Throws unless every field is physical.
    public func validate() throws(LatticeGasError) {
        guard temperature > 0, temperature.isFinite else {
            throw .invalidParameter(field: "temperature", value: temperature, allowed: "> 0 K")
        }
        guard attemptFrequency > 0, attemptFrequency.isFinite else {
            throw .invalidParameter(field: "attemptFrequency", value: attemptFrequency, allowed: "> 0 s⁻¹")
        }
        guard diffusionBarrier.isFinite else {
            throw .invalidParameter(field: "diffusionBarrier", value: diffusionBarrier, allowed: "finite eV")
        }
        guard bondEnergy.isFinite else {
            throw .invalidParameter(field: "bondEnergy", value: bondEnergy, allowed: "finite eV")
        }
        guard substrateBondEnergies.count <= LatticeGas.maximumSubstrateKinds else {
            throw .invalidParameter(field: "substrateBondEnergies.count", value: Double(substrateBondEnergies.count),
                                    allowed: "0...\(LatticeGas.maximumSubstrateKinds)")
        }
        for (k, energy) in substrateBondEnergies.enumerated() where !energy.isFinite {
            throw .invalidParameter(field: "substrateBondEnergies[\(k)]", value: energy, allowed: "finite eV")
        }
    }
}

import RealModule

/// The Arrhenius rates of Kawasaki exchange KMC (docs/MODEL.md §11): a face-neighbour Li–M pair
/// swaps with
///
///     Γ = ν·exp(−(E_a + ΔH/2)/kT)      (s⁻¹)
///
/// so that Γ(forward)/Γ(reverse) = exp(−ΔH/kT) (detailed balance for the Hamiltonian the
/// Metropolis sampler samples, without the Δμ term: exchanges conserve N_M). E_a is the barrier of a
/// swap at ΔH = 0. Defaults: ν = 10¹³ s⁻¹ (a phonon frequency); E_a = 0.55 eV, about the
/// activation energy of Li self-diffusion from NMR (0.5–0.57 eV), since a swap in a real alloy
/// needs a vacancy to pass.
public struct ExchangeRates: Sendable, Equatable {
    public var attemptFrequency = 1e13
    public var barrier = 0.55

    public init(attemptFrequency: Double = 1e13, barrier: Double = 0.55) {
        self.attemptFrequency = attemptFrequency
        self.barrier = barrier
    }

    public func rate(energyChange: Double, thermalEnergy: Double) -> Double {
        attemptFrequency * Double.exp(-(barrier + energyChange / 2) / thermalEnergy)
    }

    public func validate() throws(ComplexionError) {
        guard attemptFrequency > 0, attemptFrequency.isFinite, attemptFrequency <= 1e20 else {
            throw .invalid(field: "attempt_frequency_per_s", value: attemptFrequency, allowed: "(0, 1e20]")
        }
        guard barrier.isFinite, (0...10).contains(barrier) else {
            throw .invalid(field: "exchange_barrier_eV", value: barrier, allowed: "[0, 10]")
        }
    }
}

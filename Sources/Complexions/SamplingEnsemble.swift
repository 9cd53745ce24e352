/// Which moves the sampler makes, and so which ensemble it samples.
public enum SamplingEnsemble: String, Sendable, Equatable, CaseIterable {
    /// Kawasaki exchanges of face-neighbour Li–M pairs only: N_M fixed (canonical).
    case canonical
    /// Identity flips Li ↔ M at fixed Δμ = μ_M − μ_Li, mixed with exchanges (semi-grand-canonical).
    case semiGrand = "semi-grand"
}

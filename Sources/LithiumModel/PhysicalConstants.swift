/// CODATA 2018 values (exact where the SI defines them).
public enum PhysicalConstants {
    /// Elementary charge, C.
    public static let elementaryCharge = 1.602_176_634e-19
    /// Boltzmann constant, eV/K.
    public static let boltzmann = 8.617_333_262e-5
    /// Volume per atom of bcc Li at 298 K, nm³ (21.6 Å³: a = 0.351 nm, two atoms per cube).
    public static let lithiumAtomicVolume = 0.0216
    /// The site edge at which one simple-cubic site holds exactly one Li atom: Ω^(1/3), nm.
    public static let atomisticSiteEdge = 0.278_5
}

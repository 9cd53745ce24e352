import Complexions
import GSLRandom
import Lattice

/// A sampler on a fresh random slab; seeds are fixed so every test is reproducible.
func makeSampler(
    _ parameters: ComplexionParameters, lx: Int, ly: Int, lz: Int, layers: Int, frozen: Int = 0, fraction: Double = 0.5,
    ensemble: SamplingEnsemble = .semiGrand, flipFraction: Double = 0.5, seed: UInt64
) throws -> MetropolisSampler {
    let stream = try RandomStream(seed: seed)
    let slab = try Slab.random(lx: lx, ly: ly, lz: lz, layers: layers, frozenLayers: frozen, soluteFraction: fraction, random: stream)
    return try MetropolisSampler(slab: slab, parameters: parameters, ensemble: ensemble, flipFraction: flipFraction,
                                 random: UniformBuffer(stream: stream))
}

/// Bonds with the given Ising coupling J (eV) and no asymmetry: ε(Li,Li) = ε(M,M) = 0.05 eV,
/// ε(Li,M) = 0.05 − 2J, no surface terms.
func symmetricParameters(coupling: Double, temperature: Double, deltaMu: Double = 0) -> ComplexionParameters {
    var p = ComplexionParameters()
    p.lithiumBond = 0.05
    p.soluteBond = 0.05
    p.mixedBond = 0.05 - 2 * coupling
    p.lithiumSurface = 0
    p.soluteSurface = 0
    p.temperature = temperature
    p.chemicalPotentialDifference = deltaMu
    return p
}

/// Bonds with no symmetry (ε(Li,Li) ≠ ε(M,M), ε(Li,M) off their mean) and unequal surface terms:
/// the parameters the enumeration tests use, so that no term can hide behind another.
func asymmetricBonds(chemicalPotentialDifference: Double = 0) -> ComplexionParameters {
    var p = ComplexionParameters()
    p.lithiumBond = 0.05
    p.soluteBond = 0.035
    p.mixedBond = 0.03
    p.lithiumSurface = 0.005
    p.soluteSurface = 0.02
    p.chemicalPotentialDifference = chemicalPotentialDifference
    return p
}

import Complexions
import GSLRandom
import Lattice
import RealModule
import Testing

@Suite struct EquilibrationTests {
    /// MSER finds a decaying start (e^{−t/100} on top of noise) and cuts near where it has died out
    /// (about 3–6 decay times), keeps nearly all of a stationary series, and reports a series that
    /// never settles (a steady drift) as not converged.
    @Test func truncationFollowsTheData() throws {
        let stream = try RandomStream(seed: 81)
        let noise = (0..<5000).map { _ in stream.uniform() - 0.5 }
        let decaying = noise.enumerated().map { $0.element * 0.2 + 2 * Double.exp(-Double($0.offset) / 100) }
        let cut = Equilibration(series: decaying)
        #expect(cut.isConverged)
        #expect((200...800).contains(cut.truncation), "truncation \(cut.truncation)")
        let stationary = Equilibration(series: noise)
        #expect(stationary.isConverged && stationary.truncation < 500)
        let drifting = Equilibration(series: (0..<5000).map { Double($0) })
        #expect(!drifting.isConverged)
    }

    /// A slab must be whole solid layers under at least one electrolyte layer; errors name the field.
    @Test func badSlabsAreRefused() throws {
        let shape = try LatticeShape(lx: 2, ly: 2, lz: 3)
        var holey = [UInt8](repeating: SlabSpecies.lithium, count: 8) + [UInt8](repeating: SlabSpecies.empty, count: 4)
        holey[5] = SlabSpecies.empty
        #expect(throws: ComplexionError.self) { try Slab(shape: shape, states: holey, frozenLayers: 0) }
        let full = [UInt8](repeating: SlabSpecies.lithium, count: 12)
        #expect(throws: ComplexionError.self) { try Slab(shape: shape, states: full, frozenLayers: 0) }
        let good = [UInt8](repeating: SlabSpecies.lithium, count: 8) + [UInt8](repeating: SlabSpecies.empty, count: 4)
        #expect(throws: ComplexionError.invalid(field: "frozen_bottom_layers", value: 2, allowed: "0 … 1 (below the top)")) {
            try Slab(shape: shape, states: good, frozenLayers: 2)
        }
        var slab = try Slab(shape: shape, states: good, frozenLayers: 0)
        #expect(throws: ComplexionError.self) { try slab.strip(layers: 2) }
        try slab.strip(layers: 1)
        #expect(slab.top == 1 && slab.mobileSites.count == 4)
    }
}

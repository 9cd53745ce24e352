import GSLRandom
import Kinetics
import Lattice
import LatticeGas
import Testing

/// After every event of long random sequences the incremental state — rate classes and neighbour
/// keys — equals a from-scratch recomputation, on several shapes and energetics.
@Suite struct BookkeepingTests {
    struct Case: Sendable, CustomStringConvertible {
        let lx: Int, ly: Int, lz: Int, coverage: Double, substrateKinds: Int, periodicZ: Bool
        var description: String { "\(lx)×\(ly)×\(lz) θ=\(coverage) kinds=\(substrateKinds)" }
    }

    static let cases = [
        Case(lx: 16, ly: 16, lz: 1, coverage: 0.5, substrateKinds: 0, periodicZ: false),
        Case(lx: 70, ly: 3, lz: 1, coverage: 0.3, substrateKinds: 2, periodicZ: false),
        Case(lx: 8, ly: 8, lz: 8, coverage: 0.4, substrateKinds: 1, periodicZ: false),
        Case(lx: 5, ly: 1, lz: 9, coverage: 0.5, substrateKinds: 3, periodicZ: false),
        Case(lx: 6, ly: 7, lz: 5, coverage: 0.6, substrateKinds: 0, periodicZ: true),
        Case(lx: 2, ly: 2, lz: 2, coverage: 0.5, substrateKinds: 0, periodicZ: true),
    ]

    @Test(arguments: cases, [UInt64(1), 2, 3])
    func incrementalStateEqualsRebuild(_ item: Case, seed: UInt64) throws {
        let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz, periodicZ: item.periodicZ)
        let random = try RandomStream(seed: seed)
        // Scatter substrate atoms (10 % of sites) of random kinds, then particles.
        var substrate = [UInt8](repeating: SiteState.empty, count: shape.siteCount)
        if item.substrateKinds > 0 {
            for site in substrate.indices where random.uniform() < 0.1 {
                substrate[site] = SiteState.substrate(try random.integer(below: item.substrateKinds))
            }
        }
        let states = try LatticeGas.randomStates(shape: shape, coverage: item.coverage, substrate: substrate, random: random)
        let energies = (0..<item.substrateKinds).map { 0.02 * Double($0 + 1) - 0.03 }
        let parameters = LatticeGasParameters(bondEnergy: 0.05, substrateBondEnergies: energies)
        var engine = try makeEngine(shape: shape, states: states, parameters: parameters, seed: seed)
        let particles = engine.application.particleCount
        for _ in 0..<20_000 {
            guard engine.step() == nil else { break }
            let problems = engine.inconsistencies().prefix(3) + engine.application.staleCells().prefix(3).map { "stale \($0)" }
            #expect(problems.isEmpty, "event \(engine.clock.events): \(problems)")
            if !problems.isEmpty { return }
        }
        #expect(engine.application.particleCount == particles)
        #expect(engine.application.grid.populations()[2...] == LatticeGas.populationsOfSubstrate(states, kinds: item.substrateKinds)[...])
    }
}

extension LatticeGas {
    static func populationsOfSubstrate(_ states: [UInt8], kinds: Int) -> [Int] {
        (0..<kinds).map { k in states.filter { $0 == SiteState.substrate(k) }.count }
    }
}

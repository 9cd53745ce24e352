import GSLRandom
import Lattice
import LatticeGas
import Testing

@Suite struct ParameterTests {
    @Test func unphysicalParametersAreRefused() throws {
        let shape = try LatticeShape(lx: 4, ly: 4)
        let states = [UInt8](repeating: 0, count: 16)
        for bad in [LatticeGasParameters(temperature: 0), LatticeGasParameters(attemptFrequency: -1),
                    LatticeGasParameters(bondEnergy: .nan),
                    LatticeGasParameters(substrateBondEnergies: [0, 0, 0, 0])] {
            #expect(throws: LatticeGasError.self) { try LatticeGas(shape: shape, parameters: bad, states: states) }
        }
        #expect(throws: LatticeGasError.self) {
            try LatticeGas.randomStates(shape: shape, coverage: 1.2, random: RandomStream(seed: 1))
        }
        // A state outside the declared kinds.
        #expect(throws: LatticeGasError.self) {
            try LatticeGas(shape: shape, parameters: LatticeGasParameters(), states: [UInt8](repeating: 2, count: 16))
        }
    }

    @Test func latticeSizesAreValidated() {
        #expect(throws: LatticeError.invalidSize(field: "lx", value: 0)) { try LatticeShape(lx: 0, ly: 4) }
        #expect(throws: LatticeError.self) { try LatticeShape(lx: 1 << 20, ly: 1 << 20, lz: 1 << 10) }
    }

    @Test func rateClassesAreOrderedFastestFirst() throws {
        let gas = try LatticeGas(shape: LatticeShape(lx: 4, ly: 4), parameters: LatticeGasParameters(),
                                 states: [UInt8](repeating: 0, count: 16))
        let rates = gas.rateCatalog.rates
        #expect(rates == rates.sorted(by: >))
        // 2D, no substrate: n_T = 1…4 empty neighbours, bonds = 4 − n_T → 4 classes.
        #expect(rates.count == 4)
    }
}

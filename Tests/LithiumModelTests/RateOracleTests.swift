import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Testing

/// The model's rate table against ``RateOracle`` on random electrodes holding every site kind:
/// per site and event type the total rate must agree to rounding, and every event must lead to
/// one of the configurations the oracle lists for it (hops and alloy moves in every direction).
@Suite struct RateOracleTests {
    struct Case: Sendable, CustomStringConvertible {
        let substrate: String, lx: Int, ly: Int, lz: Int, layers: Int, seed: UInt64
        var description: String { "\(substrate) \(lx)×\(ly)×\(lz) layers=\(layers) seed=\(seed)" }
    }

    static let cases = [
        Case(substrate: "Cu", lx: 6, ly: 5, lz: 6, layers: 1, seed: 1),
        Case(substrate: "Au", lx: 5, ly: 6, lz: 6, layers: 2, seed: 2),
        Case(substrate: "Zn", lx: 7, ly: 1, lz: 8, layers: 2, seed: 3),
        Case(substrate: "Sn", lx: 2, ly: 3, lz: 7, layers: 1, seed: 4),
        Case(substrate: "Cu", lx: 4, ly: 4, lz: 5, layers: 2, seed: 5),
    ]

    /// Inputs away from every default, so that each term of each formula matters.
    static func parameters(_ substrate: String) throws -> ModelParameters {
        var p = try ModelParameters(substrateNamed: substrate)
        p.temperature = 310
        p.siteEdge = 1.5
        p.lithiumBondEnergy = 0.043
        p.lithiumSEIBondEnergy = 0.011
        p.lithiumDiffusivity = 3e-13
        p.exchangeCurrentDensity = 2.5
        p.transferCoefficient = 0.4
        p.seiExchangeCurrentDensity = 0.07
        p.seiTransferCoefficient = 0.3
        if p.substrate.lithiophilic {
            p.lithiumAlloyBondEnergy = 0.029
            p.substrate.alloyDiffusivity = 4e-12
            p.substrate.alloyingFreeEnergy = 0.13
        }
        return p
    }

    /// Substrate layers of M (and LiM on a lithiophilic substrate) at the bottom; above them a
    /// random mix of electrolyte, Li, SEI and a few stray M / LiM sites — Li clusters that touch
    /// nothing conducting are dead.
    static func randomKinds(_ item: Case, lithiophilic: Bool, random: RandomStream) -> [UInt8] {
        let plane = item.lx * item.ly
        return (0..<(plane * item.lz)).map { site in
            let u = random.uniform()
            if site < plane * item.layers { return lithiophilic && u < 0.4 ? RateOracle.alloy : RateOracle.metal }
            switch u {
            case ..<0.45: return RateOracle.empty
            case ..<0.82: return RateOracle.lithium
            case ..<0.93: return RateOracle.sei
            case ..<0.97: return RateOracle.metal
            default: return lithiophilic ? RateOracle.alloy : RateOracle.empty
            }
        }
    }

    struct Key: Hashable { let site: Int, type: EventType }

    @Test(arguments: cases)
    func rateTableEqualsTheOracle(_ item: Case) throws {
        let base = try Self.parameters(item.substrate)
        let shape = try LatticeShape(lx: item.lx, ly: item.ly, lz: item.lz)
        let random = try RandomStream(masterSeed: item.seed, replica: 0)
        var checkedTypes = Set<EventType>(), deadSites = 0
        for trial in 0..<12 {
            // Sub-grid nucleation off (its default) and on, by turns of three trials (all three η each).
            var p = base
            if trial % 6 >= 3 { (p.subgridNucleationPrefactor, p.subgridNucleationBarrier) = (3e13, 150) }
            let oracle = RateOracle(lx: item.lx, ly: item.ly, lz: item.lz, p: p)
            let kinds = Self.randomKinds(item, lithiophilic: p.substrate.lithiophilic, random: random)
            let eta = [-0.08, 0.0, 0.031][trial % 3]
            let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                         control: ElectrochemicalControl(mode: .potentiostatic(overpotential: eta)))
            deadSites += model.deadSites
            var engine = KineticEngine(application: model, random: UniformBuffer(stream: random))
            engine.application.didPerform(rates: engine.rates)

            var expected: [Key: Double] = [:], results: [Key: Set<[UInt8]>] = [:]
            for t in oracle.transitions(kinds, eta: eta) {
                expected[Key(site: t.site, type: t.type), default: 0] += t.rate
                results[Key(site: t.site, type: t.type), default: []].insert(t.result)
            }
            var found: [Key: (rate: Double, event: UInt32, rateClass: Int)] = [:]
            for event in 0..<UInt32(engine.application.eventCount) {
                guard let c = engine.rates.rateClass(of: event) else { continue }
                let key = Key(site: Int(event) / EventSlot.perSite, type: EventType(rawValue: engine.rates.classTypes[c])!)
                #expect(found[key] == nil, "two events of one type at site \(key.site)")
                found[key] = (engine.rates.rate(ofClass: c), event, c)
            }
            let modelOnly = Set(found.keys).subtracting(expected.keys), oracleOnly = Set(expected.keys).subtracting(found.keys)
            #expect(modelOnly.isEmpty && oracleOnly.isEmpty,
                    "trial \(trial): model only \(modelOnly.prefix(3)), oracle only \(oracleOnly.prefix(3))")
            for (key, rate) in expected {
                guard let got = found[key] else { continue }
                #expect(abs(got.rate - rate) <= 1e-12 * rate, "trial \(trial) \(key): model \(got.rate), oracle \(rate)")
                checkedTypes.insert(key.type)
                // Every direction the event can take leads to a configuration the oracle lists.
                let options = results[key]!
                var reached = Set<[UInt8]>()
                for k in 0..<24 {
                    var copy = engine.application
                    var buffer = UniformBuffer(stream: random)
                    copy.perform(got.event, rateClass: got.rateClass, uniform: (Double(k) + 0.5) / 24,
                                 random: &buffer, affected: AffectedEvents())
                    reached.insert(copy.grid.states)
                }
                #expect(reached == options, "trial \(trial) \(key): \(reached.count) outcomes, oracle \(options.count)")
            }
        }
        #expect(deadSites > 0, "no dead Li in the random electrodes: the connectivity rules went untested")
        // The coating's events are checked by CoatingTests (their own energy function and enumeration).
        let wanted: Set<EventType> = base.substrate.lithiophilic
            ? Set(EventType.allCases).subtracting([.coatingHop, .underplating, .coatingUptake])
            : [.hop, .reduction, .oxidation, .seiFormation, .nucleation]
        #expect(checkedTypes == wanted)
    }
}

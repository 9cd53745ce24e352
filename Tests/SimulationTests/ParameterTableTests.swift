import BinaryCoding
import Foundation
import GSLRandom
import Kinetics
import Lattice
@testable import LithiumModel
import Simulation
import Testing

/// The Li model's inputs are stated once (``ModelParameters/table``): every key round-trips
/// YAML → parameters → checkpoint → parameters, every out-of-range value is refused by the reader
/// and by `validate` alike naming the key and its range, and docs/SCENARIOS.md shows the table.
/// Properties over the table: a new entry is tested without a new test.
@Suite struct ParameterTableTests {
    /// A scenario on `substrate` with the given `material` entries, tall enough for any
    /// `substrate_layers` (2 × 2 × 10 002 sites).
    static func yaml(_ material: [(String, String)], substrate: String = "Au", resolution: Resolution? = nil) -> String {
        let chosen = material.contains { $0.0 == "resolution" } ? [] : resolution.map { [("resolution", $0.rawValue)] } ?? []
        let entries = ([("substrate", substrate)] + chosen + material).map { "\($0.0): \($0.1)" }.joined(separator: ", ")
        return "lattice: {lx: 2, ly: 2, lz: 10002}\nmaterial: {\(entries)}\nprotocol: {monolayers: 1}"
    }

    /// An admitted value of `d` other than its default in `p` (booleans flipped, integers + 1,
    /// reals moved by 10 % plus 0.01 toward the inside of the range, absent optionals set to the
    /// middle of their range).
    static func otherValue(_ d: ParameterDescriptor, in p: ModelParameters) -> Double {
        guard let x = d.value(in: p) else { return (d.allowed.lower + d.allowed.upper) / 2 }
        switch d.kind {
        case .boolean: return 1 - x
        case .integer: return d.admits(x + 1) ? x + 1 : x - 1
        case .real: return d.admits(x * 1.1 + 0.01) ? x * 1.1 + 0.01 : x * 0.9 - 0.01
        case let .choice(words): return (x + 1).truncatingRemainder(dividingBy: Double(words.count))
        }
    }

    static func yamlText(_ d: ParameterDescriptor, _ x: Double) -> String {
        switch d.kind {
        case .boolean: return x == 1 ? "true" : x == 0 ? "false" : "\(x)"
        case .integer: return x == x.rounded() && abs(x) < 1e15 ? String(Int(x)) : "\(x)"
        case .real: return "\(x)"
        case .choice: return d.admits(x) ? d.text(x) : "\(x)"
        }
    }

    /// The model's checkpoint of `p`, read back.
    static func throughCheckpoint(_ p: ModelParameters) throws -> ModelParameters {
        let shape = try LatticeShape(lx: 2, ly: 2, lz: p.substrateLayers + 2)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: p.substrateLayers, lithiumLayers: 0)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.01)))
        var writer = BinaryWriter()
        model.encodeState(into: &writer)
        var reader = BinaryReader(writer.bytes)
        let decoded = try LithiumModel(decodingState: &reader)
        #expect(reader.isAtEnd)
        return decoded.parameters
    }

    @Test(arguments: ModelParameters.table.map(\.key))
    func everyKeyRoundTripsThroughYAMLAndTheCheckpoint(key: String) throws {
        let d = try #require(ModelParameters.descriptor(key))
        // A coating needs a lithiophobic substrate (docs/MODEL.md §4c).
        let substrate = key == "coating_thickness_sites" ? "Cu" : "Au"
        let base = try Scenario.parse(yaml: Self.yaml([], substrate: substrate, resolution: d.usedUnder)).parameters
        let x = Self.otherValue(d, in: base)
        #expect(d.value(in: base) != x, "the value must differ from the default to show it was read")
        let p = try Scenario.parse(yaml: Self.yaml([(key, Self.yamlText(d, x))], substrate: substrate, resolution: d.usedUnder)).parameters
        #expect(d.value(in: p) == x)
        var expected = base
        d.set(x, in: &expected)
        #expect(p == expected, "only \(key) changed")
        #expect(try Self.throughCheckpoint(p) == p)
    }

    @Test(arguments: Resolution.allCases)
    func allKeysAtOnceRoundTrip(resolution: Resolution) throws {
        let base = try Scenario.parse(yaml: Self.yaml([], resolution: resolution)).parameters
        // contact_angle_deg and li_substrate_bond_eV state one quantity: the first wins here.
        var given: Set<String> = []
        var material: [(String, String)] = [("resolution", resolution.rawValue)]
        var expected = base
        for d in ModelParameters.table where d.key != "resolution" && (d.usedUnder ?? resolution) == resolution
            && d.excludes.map({ !given.contains($0) }) ?? true {
            let x = Self.otherValue(d, in: base)
            given.insert(d.key)
            material.append((d.key, Self.yamlText(d, x)))
            d.set(x, in: &expected)
        }
        let p = try Scenario.parse(yaml: Self.yaml(material)).parameters
        #expect(p == expected)
        #expect(try Self.throughCheckpoint(p) == p)
        guard resolution == .fixedBonds else { return }
        // The other one of each excluding pair, alone, with optional values absent in the file.
        let derived = try Scenario.parse(yaml: Self.yaml([("li_substrate_bond_eV", "0.02")], substrate: "Cu")).parameters
        #expect(derived.lithiumAlloyBondEnergy == nil && derived.effectiveSubstrateBondEnergy == 0.02)
        #expect(try Self.throughCheckpoint(derived) == derived)
    }

    /// The application state of a checkpoint with the parameters written by `write` in place of the table's.
    static func state(parameters write: (inout BinaryWriter) -> Void) -> [UInt8] {
        var writer = BinaryWriter()
        for size in [2, 2, 3] { writer.write(UInt64(size)) }
        writer.write(false)  // periodic z
        writer.write("Cu")
        writer.write("test")
        write(&writer)
        return writer.bytes
    }

    @Test func checkpointsMissingOrAddingAParameterAreRefusedNamingIt() throws {
        let p = try ModelParameters(substrateNamed: "Cu")
        let last = try #require(ModelParameters.table.last)
        let missing = Self.state { writer in
            writer.write(UInt64(ModelParameters.table.count - 1))
            for d in ModelParameters.table.dropLast() { writer.write(d.key); writer.write(d.value(in: p) ?? .nan) }
        }
        let extra = Self.state { writer in
            writer.write(UInt64(ModelParameters.table.count + 1))
            for d in ModelParameters.table { writer.write(d.key); writer.write(d.value(in: p) ?? .nan) }
            writer.write("li_surface_charm_eV"); writer.write(1.0)
        }
        let outOfRange = Self.state { writer in
            writer.write(UInt64(ModelParameters.table.count))
            for d in ModelParameters.table { writer.write(d.key); writer.write(d.key == "transfer_coefficient" ? 1 : d.value(in: p) ?? .nan) }
        }
        for (bytes, mentions) in [(missing, [last.key, "missing"]), (extra, ["li_surface_charm_eV"]),
                                  (outOfRange, ["transfer_coefficient", "(0, 1)"])] {
            var reader = BinaryReader(bytes)
            do {
                _ = try LithiumModel(decodingState: &reader)
                Issue.record("accepted a checkpoint that should name \(mentions)")
            } catch {
                for word in mentions { #expect("\(error)".contains(word), "\(error)") }
            }
        }
    }

    /// Version 1 stored the parameters by position, version 2 not whether z is periodic: their
    /// files are refused by name, not misread. A lattice periodic in z comes back periodic.
    @Test(arguments: [false, true])
    func checkpointsOfEarlierFormatsAreRefusedByName(periodicZ: Bool) throws {
        let p = try ModelParameters(substrateNamed: "Cu")
        let shape = try LatticeShape(lx: 2, ly: 2, lz: 4, periodicZ: periodicZ)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1, lithiumLayers: 1)
        let model = try LithiumModel(shape: shape, parameters: p, kinds: kinds,
                                     control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0)))
        var checkpoint = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 1, replica: 0)))
            .checkpoint()
        #expect(checkpoint.applicationName == "lithium-model/3")
        let resumed = try KineticEngine<LithiumModel>(resuming: checkpoint)
        #expect(resumed.application.shape == shape)
        for old in ["lithium-model/1", "lithium-model/2"] {
            checkpoint.applicationName = old
            #expect(throws: CheckpointError.mismatch(field: "application", expected: "lithium-model/3", found: old)) {
                try KineticEngine<LithiumModel>(resuming: checkpoint)
            }
        }
    }

    /// An input of one resolution given under the other is refused naming it, not ignored; an
    /// optional one set in code is refused by validate.
    @Test func inputsOfTheOtherResolutionAreRefused() throws {
        for d in ModelParameters.table {
            guard let used = d.usedUnder else { continue }
            let other = Resolution.allCases.first { $0 != used }!
            let base = try Scenario.parse(yaml: Self.yaml([], resolution: used)).parameters
            let x = Self.otherValue(d, in: base)
            do {
                _ = try Scenario.parse(yaml: Self.yaml([(d.key, Self.yamlText(d, x))], resolution: other))
                Issue.record("\(d.key) accepted under \(other)")
            } catch {
                #expect("\(error)".contains("material.\(d.key)") && "\(error)".contains(used.rawValue), "\(error)")
            }
            guard d.isOptional else { continue }
            var p = base
            p.resolution = other
            d.set(x, in: &p)
            #expect(throws: ModelError.self) { try p.validate() }
        }
    }

    @Test func excludingKeysAreRefusedTogether() {
        for d in ModelParameters.table {
            guard let other = d.excludes else { continue }
            // A valid value of the other key: its first word if it is a choice, else 100.
            let otherValue: String
            if case let .choice(words)? = ModelParameters.descriptor(other)?.kind { otherValue = words[0] } else { otherValue = "100" }
            do {
                _ = try Scenario.parse(yaml: Self.yaml([(other, otherValue), (d.key, "0.01")]))
                Issue.record("accepted \(other) and \(d.key) together")
            } catch {
                #expect("\(error)".contains("material.\(d.key)") && "\(error)".contains(other), "\(error)")
            }
        }
    }

    /// Values outside each range: below and above it, its open ends, and a fraction for an integer.
    static func outside(_ d: ParameterDescriptor) -> [Double] {
        let r = d.allowed
        var xs = [r.lower - max(1, abs(r.lower)), r.upper + max(1, abs(r.upper))]
        if r.lowerIsOpen { xs.append(r.lower) }
        if r.upperIsOpen { xs.append(r.upper) }
        if d.kind != .real { xs.append(r.lower + 0.5) }
        return xs
    }

    @Test(arguments: ModelParameters.table.map(\.key))
    func outOfRangeValuesAreRefusedNamingTheKeyAndTheRange(key: String) throws {
        let d = try #require(ModelParameters.descriptor(key))
        let base = try Scenario.parse(yaml: Self.yaml([], resolution: d.usedUnder)).parameters
        for x in Self.outside(d) {
            #expect(!d.admits(x))
            do {
                _ = try Scenario.parse(yaml: Self.yaml([(key, Self.yamlText(d, x))], resolution: d.usedUnder))
                Issue.record("\(key) = \(x) accepted")
            } catch {
                let message = "\(error)"
                #expect(message.contains("material.\(key)") && message.contains(d.allowedText), "\(message)")
            }
            // validate sees what a field can hold: not a fraction in an Int, nothing but 0 or 1 in a Bool.
            guard d.kind == .real || (d.kind == .integer && x == x.rounded()) else { continue }
            var p = base
            d.write(&p, x)
            #expect(throws: ModelError.invalid(field: key, value: d.text(x), allowed: d.allowedText)) { try p.validate() }
        }
    }

    /// The reader and `validate` agree on random values in and around each range (they read one range).
    @Test func readerAndValidateAgreeOnRandomValues() throws {
        let random = try RandomStream(seed: 19)
        for d in ModelParameters.table where d.kind == .real {
            let r = d.allowed, width = r.upper - r.lower
            for _ in 0..<200 {
                let x = r.lower - 0.1 * width + 1.2 * width * random.uniform()
                let base = "Cu"  // not lithiophilic: no cross-field check on the alloy diffusivity
                let accepted = (try? Scenario.parse(yaml: Self.yaml([(d.key, "\(x)")], substrate: base, resolution: d.usedUnder))) != nil
                var p = try Scenario.parse(yaml: Self.yaml([], substrate: base, resolution: d.usedUnder)).parameters
                d.write(&p, x)
                let valid = (try? p.validate()) != nil
                #expect(accepted == valid && valid == d.admits(x), "\(d.key) = \(x)")
            }
        }
    }

    @Test func scenarioDocsListTheTable() throws {
        let docs = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("docs/SCENARIOS.md")
        let text = try String(contentsOf: docs, encoding: .utf8)
        for row in ModelParameters.scenarioTableRows { #expect(text.contains(row + "\n"), "docs/SCENARIOS.md lacks \(row)") }
    }
}

import Foundation
import Simulation
import Testing

/// The worst inputs the scenario fuzzer (``ScenarioFuzzTests``) and its author found, as fixed cases:
/// each must be rejected (quickly, without crashing) with the key path it names and what is allowed.
@Suite struct ScenarioFuzzCorpusTests {
    static let valid = "lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: 1}\n"

    static let corpus: [(String, String)] = [
        ("", "protocol"),  // an empty document has no end
        ("lattice: {lx: 65536, ly: 65536, lz: 65536}\nprotocol: {monolayers: 1}", "lattice"),
        ("lattice: {lx: 46341, ly: 46341, lz: 3}\nprotocol: {monolayers: 1}", "too many"),
        ("lattice: {lx: 65535, ly: 21845, lz: 3}\nprotocol: {monolayers: 1}", "available memory"),  // 65535² sites, ~190 GiB
        ("lattice: {lx: 9223372036854775807, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: {lx: 99999999999999999999999, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: {lx: .nan, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: {lx: 8.5, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: {lx: [8], ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: {lx: {a: 1}, ly: 8, lz: 4}\nprotocol: {monolayers: 1}", "lattice.lx"),
        ("lattice: [8, 8, 4]\nprotocol: {monolayers: 1}", "lattice"),
        ("lattice: 8\nprotocol: {monolayers: 1}", "lattice"),
        (valid + "seed: -1", "seed"),
        (valid + "seed: 1e3", "seed"),
        (valid + "seed: [1]", "seed"),
        (valid + "generator: nope", "generator"),
        (valid + "generator: [mt19937]", "generator"),
        (valid + "name: {a: b}", "name"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: .inf}", "protocol.monolayers"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: -.inf}", "protocol.monolayers"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: 1e400}", "protocol.monolayers"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: 4.9e-324, current_density_mA_cm2: .NaN}", "protocol.current_density_mA_cm2"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: true}", "protocol.monolayers"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: null}", "protocol.monolayers"),
        ("lattice: {lx: 8, ly: 8, lz: 4}\nprotocol: {monolayers: 1, max_events: 0}", "protocol.max_events"),
        (valid + "material: {lithiophilic: maybe}", "material.lithiophilic"),
        (valid + "material: {lithiophilic: [true]}", "material.lithiophilic"),
        (valid + "material: {substrate: \"\\u00e9\"}", "material.substrate"),
        (valid + "\"\": 1", "\"\""),
        (valid + "\"a.b\": 1", "\"a.b\""),
        (valid + "\"\\u202Eevil\": 1", "evil"),
        (valid + "\"zero\\u200Bwidth\": 1", "width"),
        (valid + "? [1, 2]\n: 3", "the scenario has a key that is a list"),
        ("protocol: {? {a: 1}\n: 3}", "protocol: has a key that is a mapping"),
        (valid + "sampling: {window_monolayers: 0}", "sampling.window_monolayers"),
        (valid + "cycling: []", "cycling"),
        ("[1, 2, 3]", "the scenario"),
        ("just text", "the scenario"),
        ("lattice: {lx: 8\n", "the scenario"),
        ("\u{0}", "the scenario"),
        ("protocol: {monolayers: 1}\nprotocol: {monolayers: 2}\n", "protocol"),
        ("lattice: &a {lx: 8, ly: 8, lz: 4}\nprotocol: *a", "protocol"),
        (String(repeating: "[", count: 100_000), "the scenario"),
        ("protocol: " + String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000), "protocol"),
        ("protocol: " + String(repeating: "{a: ", count: 20_000) + "1" + String(repeating: "}", count: 20_000), "protocol"),
        (Self.billionLaughs, "a0"),  // unknown keys; the aliases are never expanded
        (Self.billionLaughs + "protocol: *a9", "protocol"),
        (valid + "name: \"" + String(repeating: "x", count: 2_000_000) + "\"\ncolour: blue", "colour"),
    ]

    /// Nine levels of nine aliases each: 9⁹ nodes if expanded.
    static let billionLaughs: String = {
        var text = "a0: &a0 [lol]\n"
        for level in 1...9 { text += "a\(level): &a\(level) [" + Array(repeating: "*a\(level - 1)", count: 9).joined(separator: ", ") + "]\n" }
        return text
    }()

    @Test(arguments: 0..<corpus.count)
    func worstInputsAreRejectedWithTheirKeyAndRange(index: Int) {
        let (text, mentions) = Self.corpus[index]
        if let error = ScenarioFuzzTests.check(text) {
            #expect(error.description.contains(mentions), "message: \(error)")
            #expect(ScenarioFuzzTests.explainsItself(error), "unclear: \(error)")
        } else {
            Issue.record("accepted: \(text.prefix(200))")
        }
    }
}

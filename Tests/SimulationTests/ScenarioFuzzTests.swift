import Foundation
import GSLRandom
import Simulation
import Testing

/// Mutated scenario documents through the parser and validator (`Scenario.parse`, then
/// `checkFitsInMemory`: what `likmc validate` checks): random key deletions, type swaps, extreme and non-finite numbers,
/// unicode, unknown keys, deep nesting, huge lattices, truncated and spliced text. Nothing may crash
/// or hang, and every rejection must name the key path (or, for a document that is not YAML or not
/// a mapping, say so) and what is allowed. The documents come from a fixed seed. The suite runs
/// `LIKMC_FUZZ_COUNT` documents (default 3 000, a few seconds); the full run is
/// `LIKMC_FUZZ_COUNT=100000 swift test -c release -Xswiftc -enable-testing --filter ScenarioFuzz`.
@Suite struct ScenarioFuzzTests {
    /// A YAML document as a tree, rendered in flow style.
    indirect enum Doc {
        case map([(String, Doc)])
        case list([Doc])
        /// A scalar written as is: a number, a bool, null, an unquoted word.
        case raw(String)
        /// A scalar written as a double-quoted string.
        case text(String)

        var yaml: String {
            var text = ""
            write(to: &text)
            return text
        }

        /// Appends the flow-style YAML (into one buffer: rendering 5 000 levels of nesting by
        /// concatenation would copy the inner text at every level).
        func write(to text: inout String) {
            switch self {
            case let .map(pairs):
                text += "{"
                for (i, (key, value)) in pairs.enumerated() {
                    text += (i == 0 ? "" : ", ") + Doc.quote(key) + ": "
                    value.write(to: &text)
                }
                text += "}"
            case let .list(items):
                text += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { text += ", " }
                    item.write(to: &text)
                }
                text += "]"
            case let .raw(s): text += s
            case let .text(s): text += Doc.quote(s)
            }
        }

        static func quote(_ s: String) -> String {
            if !s.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "\\" }) {
                return "\"" + s + "\""
            }
            var out = "\""
            for scalar in s.unicodeScalars {
                switch scalar {
                case "\"": out += "\\\""
                case "\\": out += "\\\\"
                default:
                    if scalar.value < 0x20 || scalar.value == 0x7F { out += String(format: "\\x%02x", scalar.value) } else {
                        out.unicodeScalars.append(scalar)
                    }
                }
            }
            return out + "\""
        }
    }

    /// A scenario using every key, so that every key can be deleted, retyped or pushed out of range.
    static let base = Doc.map([
        ("name", .text("fuzz")), ("seed", .raw("7")), ("generator", .text("mt19937")),
        ("lattice", .map([("lx", .raw("16")), ("ly", .raw("16")), ("lz", .raw("8"))])),
        ("material", .map([
            ("substrate", .text("Au")), ("temperature_K", .raw("298")), ("site_edge_nm", .raw("2")),
            ("li_li_bond_eV", .raw("0.05")), ("contact_angle_deg", .raw("120")), ("lithiophilic", .raw("true")),
            ("alloying_free_energy_eV", .raw("-0.1")), ("alloy_diffusivity_cm2_s", .raw("1e-9")),
            ("li_alloy_bond_eV", .raw("0.04")), ("sei_exchange_current_density_mA_cm2", .raw("0.02")),
            ("sei_transfer_coefficient", .raw("0.5")), ("li_sei_bond_eV", .raw("0.01")),
            ("li_diffusivity_cm2_s", .raw("6e-11")), ("exchange_current_density_mA_cm2", .raw("1")),
            ("transfer_coefficient", .raw("0.5")), ("substrate_layers", .raw("2")),
        ])),
        ("protocol", .map([
            ("mode", .text("galvanostatic")), ("current_density_mA_cm2", .raw("1")), ("overpotential_mV", .raw("-20")),
            ("deposition_rate_per_site_s", .raw("1")), ("capacity_mAh_cm2", .raw("0.001")), ("monolayers", .raw("2")),
            ("max_time_s", .raw("100")), ("max_events", .raw("1000000")), ("li_film_layers", .raw("1")),
        ])),
        ("cycling", .map([
            ("cycles", .raw("2")), ("rest_s", .raw("1")), ("strip_mode", .text("galvanostatic")),
            ("strip_current_density_mA_cm2", .raw("1")), ("strip_overpotential_mV", .raw("-100")),
            ("strip_cutoff_mV", .raw("500")), ("strip_max_time_s", .raw("100")),
        ])),
        ("sampling", .map([("window_monolayers", .raw("0.02")), ("potentiostatic_samples", .raw("100")),
                           ("nucleus_min_sites", .raw("2"))])),
        ("acceleration", .map([("mode", .text("auto")), ("separation", .raw("1000")), ("tolerance", .raw("0.05")),
                               ("window", .raw("100000"))])),
    ])

    static let extremes = ["0", "-0", "-1", "1e308", "-1e308", "1e400", "4.9e-324", "-4.9e-324", ".inf", "-.inf", ".nan", ".NaN",
                           "9223372036854775807", "-9223372036854775808", "9223372036854775808", "18446744073709551616",
                           "99999999999999999999999999999", "0x7fffffffffffffff", "0o777", "65536", "65537", "4294967296",
                           "1_000_000", "2147483648", "0.0000001", "1e-320", "null", "~", "true", "false", "yes", ""]
    static let strings = ["", " ", "é", "Ünïcödé", "𝔘𝔫𝔦𝔠𝔬𝔡𝔢", "\u{202E}evil", "zero\u{200B}width", "\u{0}", "tab\there", "line\nbreak",
                          "Cu", "cu", "AU", "mt19937", "MT19937", "taus2", "nope", "galvanostatic", "POTENTIOSTATIC", "deposition",
                          "'", "\"", "{", "[", "&anchor", "*alias", "!!binary", "%YAML", String(repeating: "x", count: 5000)]
    static let hugeLattice = ["65536", "65535", "100000", "1000000000", "2147483647", "46341", "4096", "32768"]

    static func scalar(_ random: inout RandomStream) -> Doc {
        random.uniformInt(2) == 0 ? .raw(pick(extremes, &random)) : .text(pick(strings, &random))
    }

    static func pick<T>(_ list: [T], _ random: inout RandomStream) -> T { list[random.uniformInt(list.count)] }

    /// A value of any type, nested `depth` levels deep (keys on the way are short: the nesting is the point).
    static func value(_ random: inout RandomStream, depth: Int) -> Doc {
        guard depth > 0 else { return scalar(&random) }
        return random.uniformInt(2) == 0 ? .list([value(&random, depth: depth - 1)])
            : .map([(pick(shortStrings, &random), value(&random, depth: depth - 1))])
    }

    static let shortStrings = strings.filter { $0.count < 40 }

    /// One random change somewhere in the tree.
    static func mutate(_ doc: Doc, _ random: inout RandomStream, depth: Int = 0) -> Doc {
        guard case var .map(pairs) = doc, !pairs.isEmpty else { return value(&random, depth: random.uniformInt(3)) }
        let i = random.uniformInt(pairs.count)
        switch random.uniformInt(9) {
        case 0: pairs.remove(at: i)  // key deletion
        case 1: pairs[i].1 = scalar(&random)  // type swap / extreme / unicode value
        case 2: pairs[i].1 = value(&random, depth: 1 + random.uniformInt(3))  // a list or mapping where a value was
        case 3: pairs[i].1 = value(&random, depth: [10, 100, 1000, 5000][random.uniformInt(4)])  // deep nesting
        case 4: pairs.append((pick(strings, &random), scalar(&random)))  // unknown key
        case 5: pairs[i].0 = pick(strings, &random)  // renamed key
        case 6: pairs.append(pairs[i])  // duplicated key
        case 7:
            if pairs[i].0 == "lattice" { pairs[i].1 = .map(["lx", "ly", "lz"].map { ($0, .raw(pick(hugeLattice, &random))) }) }
            else { pairs[i].1 = .raw(pick(extremes, &random)) }
        default: pairs[i].1 = mutate(pairs[i].1, &random, depth: depth + 1)  // go down a level
        }
        return .map(pairs)
    }

    /// A mutated document: tree mutations, then sometimes a text-level one (truncation, a spliced character).
    static func document(_ random: inout RandomStream) -> String {
        var doc = base
        for _ in 0...random.uniformInt(4) { doc = mutate(doc, &random) }
        var text = doc.yaml
        switch random.uniformInt(8) {
        case 0: text = String(text.prefix(random.uniformInt(text.count + 1)))
        case 1:
            var characters = Array(text)
            let junk: [Character] = ["{", "}", "[", "]", ":", ",", "\"", "'", "&", "*", "!", "|", ">", "#", "\n", "\t", "%", "@", "`", "\u{0}", "é"]
            characters.insert(pick(junk, &random), at: random.uniformInt(characters.count + 1))
            text = String(characters)
        default: break
        }
        return text
    }

    /// What a rejection must say: a key path (or that the whole document is wrong) and what is allowed.
    static func explainsItself(_ error: ScenarioError) -> Bool {
        error.message.contains("allowed") && (!error.path.isEmpty || error.message.hasPrefix("the scenario"))
    }

    /// What `likmc validate` checks: the document, then this machine's memory for its lattice.
    static func check(_ text: String) -> ScenarioError? {
        do {
            try Scenario.parse(yaml: text).checkFitsInMemory()
            return nil
        } catch {
            return error
        }
    }

    @Test func mutatedScenariosAreRejectedClearlyAndNeverCrash() throws {
        let count = ProcessInfo.processInfo.environment["LIKMC_FUZZ_COUNT"].flatMap { Int($0) } ?? 3_000
        var random = try RandomStream(generator: "mt19937", seed: 18)
        var accepted = 0, rejected = 0, unclear: [(String, ScenarioError)] = [], slowest = (0.0, "")
        var generating = 0.0
        for _ in 0..<count {
            let made = Date()
            let text = Self.document(&random)
            generating += Date().timeIntervalSince(made)
            let start = Date()
            if let error = Self.check(text) {
                rejected += 1
                if !Self.explainsItself(error) { unclear.append((text, error)) }
            } else {
                accepted += 1
            }
            let seconds = Date().timeIntervalSince(start)
            if seconds > slowest.0 { slowest = (seconds, text) }
        }
        print("scenario fuzz: \(count) documents, \(accepted) accepted, \(rejected) rejected, \(unclear.count) unclear; "
            + String(format: "slowest %.3f s, generating %.1f s", slowest.0, generating))
        for (text, error) in unclear.prefix(10) { Issue.record("unclear rejection '\(error)' of: \(text.prefix(300))") }
        #expect(slowest.0 < 5, "a document took \(slowest.0) s: \(slowest.1.prefix(200))")
        #expect(accepted > 0 && rejected > 0)
    }
}

extension RandomStream {
    /// A uniform integer in 0..<n.
    func uniformInt(_ n: Int) -> Int { min(n - 1, Int(uniform() * Double(n))) }
}

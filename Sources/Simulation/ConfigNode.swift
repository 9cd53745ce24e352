import LithiumModel
import Yams

/// A YAML mapping being read, with its key path for error messages. Every key must be read or
/// be known: ``finish()`` rejects keys nobody asked for, naming them and the allowed ones.
struct ConfigNode {
    let path: String
    private let pairs: [(String, Node)]
    private var known: Set<String> = []

    init(_ node: Node?, path: String) throws(ScenarioError) {
        self.path = path
        guard let node else {
            pairs = []
            return
        }
        guard case let .mapping(mapping) = node else {
            let what = "\(Self.kind(of: node)), not a mapping; allowed: a mapping of key: value pairs"
            throw ScenarioError(path, path.isEmpty ? "the scenario is \(what)" : "is \(what)")
        }
        var result: [(String, Node)] = []
        for (key, value) in mapping {
            guard case .scalar = key, let name = key.string else {
                let what = "a key that is \(Self.kind(of: key)); allowed: plain text keys"
                throw ScenarioError(path, path.isEmpty ? "the scenario has \(what)" : "has \(what)")
            }
            result.append((name, value))
        }
        pairs = result
    }

    /// `path.key`; a key that is empty or not a plain word is quoted, so that a message always
    /// shows where it points.
    private func keyPath(_ key: String) -> String {
        let plain = !key.isEmpty && key.unicodeScalars.allSatisfy { $0.properties.isAlphabetic || $0.properties.numericType != nil || $0 == "_" }
        let name = plain ? key : "\"" + key.unicodeScalars.map { $0.value < 0x20 || $0 == "\"" ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "\""
        return path.isEmpty ? name : "\(path).\(name)"
    }

    private mutating func node(_ key: String) -> Node? {
        known.insert(key)
        return pairs.first { $0.0 == key }?.1
    }

    mutating func child(_ key: String) throws(ScenarioError) -> ConfigNode {
        try ConfigNode(node(key), path: keyPath(key))
    }

    mutating func has(_ key: String) -> Bool {
        known.insert(key)
        return pairs.contains { $0.0 == key }
    }

    mutating func double(_ key: String, default value: Double? = nil, _ allowed: ClosedRange<Double>,
                         openLower: Bool = false, openUpper: Bool = false) throws(ScenarioError) -> Double {
        let range = describe(allowed, openLower, openUpper)
        guard let node = node(key) else {
            if let value { return value }
            throw ScenarioError(keyPath(key), "missing; allowed: a number in \(range)")
        }
        guard case .scalar = node, let x = node.float ?? node.int.map(Double.init) else {
            throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not a number; allowed: \(range)")
        }
        guard x.isFinite else { throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not finite; allowed: \(range)") }
        guard allowed.contains(x), !(openLower && x == allowed.lowerBound), !(openUpper && x == allowed.upperBound) else {
            throw ScenarioError(keyPath(key), "\(x) is out of range; allowed: \(range)")
        }
        return x
    }

    mutating func optionalDouble(_ key: String, _ allowed: ClosedRange<Double>, openLower: Bool = false) throws(ScenarioError) -> Double? {
        has(key) ? try double(key, allowed, openLower: openLower) : nil
    }

    mutating func integer(_ key: String, default value: Int? = nil, _ allowed: ClosedRange<Int>) throws(ScenarioError) -> Int {
        guard let node = node(key) else {
            if let value { return value }
            throw ScenarioError(keyPath(key), "missing; allowed: an integer in \(allowed.lowerBound)…\(allowed.upperBound)")
        }
        guard case .scalar = node, let n = node.int else {
            throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not an integer; allowed: \(allowed.lowerBound)…\(allowed.upperBound)")
        }
        guard allowed.contains(n) else {
            throw ScenarioError(keyPath(key), "\(n) is out of range; allowed: \(allowed.lowerBound)…\(allowed.upperBound)")
        }
        return n
    }

    mutating func string(_ key: String, default value: String? = nil, oneOf choices: [String]? = nil) throws(ScenarioError) -> String {
        guard let node = node(key) else {
            if let value { return value }
            throw ScenarioError(keyPath(key), "missing; allowed: \(choices?.joined(separator: ", ") ?? "a string")")
        }
        guard case .scalar = node, let s = node.string else {
            throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not a string; allowed: \(choices?.joined(separator: ", ") ?? "a string")")
        }
        guard let choices else { return s }
        guard let choice = choices.first(where: { $0.lowercased() == s.lowercased() }) else {
            throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not allowed; allowed: \(choices.joined(separator: ", "))")
        }
        return choice
    }

    /// The value of a Li-model input, or nil when the key is absent. Its type, its range and the
    /// words of the message are the descriptor's (``ModelParameters/table``), as `validate` uses them.
    mutating func value(of parameter: ParameterDescriptor) throws(ScenarioError) -> Double? {
        let key = parameter.key
        guard let node = node(key) else { return nil }
        let x: Double?
        switch parameter.kind {
        case .boolean: x = node.bool.map { $0 ? 1 : 0 }
        case .integer: x = node.int.map(Double.init)
        case .real: x = node.float ?? node.int.map(Double.init)
        case let .choice(words): x = node.string.flatMap { s in words.firstIndex { $0.lowercased() == s.lowercased() } }.map(Double.init)
        }
        guard case .scalar = node, let x else {
            throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not \(parameter.kind.withArticle); allowed: \(parameter.allowedText)")
        }
        guard x.isFinite else { throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not finite; allowed: \(parameter.allowedText)") }
        guard parameter.admits(x) else {
            throw ScenarioError(keyPath(key), "\(parameter.text(x)) is out of range; allowed: \(parameter.allowedText)")
        }
        return x
    }

    /// A list of numbers (`[a, b, …]` or a block sequence), each in `allowed`, at least `minimumCount`.
    mutating func doubles(_ key: String, _ allowed: ClosedRange<Double>, minimumCount: Int = 1) throws(ScenarioError) -> [Double] {
        guard let node = node(key) else { throw ScenarioError(keyPath(key), "missing; expected a list of numbers in \(describe(allowed, false, false))") }
        guard case let .sequence(items) = node else {
            throw ScenarioError(keyPath(key), "expected a list of numbers, e.g. [-0.004, -0.002]")
        }
        var values: [Double] = []
        for (i, item) in items.enumerated() {
            guard let x = item.float ?? item.int.map(Double.init), x.isFinite, allowed.contains(x) else {
                throw ScenarioError("\(keyPath(key))[\(i)]", "'\(item.string ?? "?")' is not a number in \(describe(allowed, false, false))")
            }
            values.append(x)
        }
        guard values.count >= minimumCount else {
            throw ScenarioError(keyPath(key), "\(values.count) values; at least \(minimumCount) needed")
        }
        return values
    }

    mutating func bool(_ key: String, default value: Bool) throws(ScenarioError) -> Bool {
        guard let node = node(key) else { return value }
        guard case .scalar = node, let b = node.bool else {
            throw ScenarioError(keyPath(key), "\(Self.describe(node)) is not a boolean; allowed: true or false")
        }
        return b
    }

    /// Fails on any key that was never asked for.
    func finish() throws(ScenarioError) {
        let unknown = pairs.map(\.0).filter { !known.contains($0) }
        guard unknown.isEmpty else {
            throw ScenarioError(keyPath(unknown[0]),
                                "unknown key; allowed keys here: \(known.sorted().joined(separator: ", "))")
        }
    }

    /// What a node is, for messages: its text when it is a short scalar, else its kind.
    static func describe(_ node: Node) -> String {
        guard case let .scalar(scalar) = node else { return kind(of: node) }
        let text = scalar.string.unicodeScalars.count <= 40 ? scalar.string : String(scalar.string.prefix(40)) + "…"
        return "'" + text.unicodeScalars.map { $0.value < 0x20 ? "\\u{\(String($0.value, radix: 16))}" : String($0) }.joined() + "'"
    }

    static func kind(of node: Node) -> String {
        switch node {
        case .scalar: return "a plain value"
        case .mapping: return "a mapping"
        case .sequence: return "a list"
        case .alias: return "an alias"
        }
    }

    private func describe(_ range: ClosedRange<Double>, _ openLower: Bool, _ openUpper: Bool) -> String {
        let low = openLower ? "(\(range.lowerBound)" : "[\(range.lowerBound)"
        let high = range.upperBound == .greatestFiniteMagnitude ? "∞)" : "\(range.upperBound)\(openUpper ? ")" : "]")"
        return "\(low), \(high)"
    }
}

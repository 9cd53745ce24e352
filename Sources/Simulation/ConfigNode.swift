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
            throw ScenarioError(path, "expected a mapping of key: value pairs")
        }
        var result: [(String, Node)] = []
        for (key, value) in mapping {
            guard let name = key.string else { throw ScenarioError(path, "keys must be strings") }
            result.append((name, value))
        }
        pairs = result
    }

    private func keyPath(_ key: String) -> String { path.isEmpty ? key : "\(path).\(key)" }

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
            throw ScenarioError(keyPath(key), "missing; expected a number in \(range)")
        }
        guard let x = node.float ?? node.int.map(Double.init), x.isFinite else {
            throw ScenarioError(keyPath(key), "'\(node.string ?? "?")' is not a number; allowed: \(range)")
        }
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
            throw ScenarioError(keyPath(key), "missing; expected an integer in \(allowed.lowerBound)…\(allowed.upperBound)")
        }
        guard let n = node.int else {
            throw ScenarioError(keyPath(key), "'\(node.string ?? "?")' is not an integer; allowed: \(allowed.lowerBound)…\(allowed.upperBound)")
        }
        guard allowed.contains(n) else {
            throw ScenarioError(keyPath(key), "\(n) is out of range; allowed: \(allowed.lowerBound)…\(allowed.upperBound)")
        }
        return n
    }

    mutating func string(_ key: String, default value: String? = nil, oneOf choices: [String]? = nil) throws(ScenarioError) -> String {
        guard let node = node(key) else {
            if let value { return value }
            throw ScenarioError(keyPath(key), "missing")
        }
        guard case .scalar = node, let s = node.string else { throw ScenarioError(keyPath(key), "expected a string") }
        if let choices, !choices.contains(where: { $0.lowercased() == s.lowercased() }) {
            throw ScenarioError(keyPath(key), "'\(s)' is not allowed; allowed: \(choices.joined(separator: ", "))")
        }
        return s
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
        guard let b = node.bool else { throw ScenarioError(keyPath(key), "expected true or false") }
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

    private func describe(_ range: ClosedRange<Double>, _ openLower: Bool, _ openUpper: Bool) -> String {
        let low = openLower ? "(\(range.lowerBound)" : "[\(range.lowerBound)"
        let high = range.upperBound == .greatestFiniteMagnitude ? "∞)" : "\(range.upperBound)\(openUpper ? ")" : "]")"
        return "\(low), \(high)"
    }
}

/// One input of the Li model, stated once: its scenario key (with its unit), what it means, its
/// allowed range and how to read and write it in ``ModelParameters``. ``ModelParameters/table``
/// lists them; validation, the scenario reader, the checkpoint and the docs are all read off it,
/// so a new input is one entry there.
public struct ParameterDescriptor: Sendable {
    /// How a value is written in a scenario; every value is carried as a `Double` (a boolean as
    /// 0 or 1, an integer exactly).
    public enum Kind: Sendable, Equatable {
        case real, integer, boolean
        /// One of these words; the value is its index.
        case choice([String])

        public var name: String {
            switch self {
            case .real: return "number"
            case .integer: return "integer"
            case .boolean: return "bool"
            case .choice: return "string"
            }
        }

        /// "a number", "an integer", "a boolean": what a message says a value is not.
        public var withArticle: String {
            switch self {
            case .real: return "a number"
            case .integer: return "an integer"
            case .boolean: return "a boolean"
            case .choice: return "one of the allowed words"
            }
        }
    }

    /// Where the value comes from when a scenario does not give it.
    public enum Default: Sendable, Equatable {
        /// The field's initial value in ``ModelParameters``.
        case initialValue
        /// The substrate preset's value (``MaterialPresets``).
        case preset
        /// Absent (nil), derived from other inputs as the text says.
        case derived(String)
    }

    /// The scenario key under `material`, unit in its name (`temperature_K`); also the field name in
    /// messages and the checkpoint.
    public let key: String
    public let kind: Kind
    /// Allowed values (a boolean: [0, 1]).
    public let allowed: AllowedRange
    /// The default when a scenario does not give the key.
    public let defaultValue: Default
    /// What it is, for the docs.
    public let meaning: String
    /// A key that must not be given together with this one (two ways of stating one quantity).
    public let excludes: String?
    /// The resolution under which the input is used (nil: always); a scenario giving it under the
    /// other is refused, so that no input is silently ignored.
    public let usedUnder: Resolution?
    let read: @Sendable (ModelParameters) -> Double?
    let write: @Sendable (inout ModelParameters, Double?) -> Void

    /// Whether the value may be absent (nil): it is then derived from the others.
    public var isOptional: Bool { if case .derived = defaultValue { true } else { false } }

    /// The value in `p` (nil: an optional value left to be derived).
    public func value(in p: ModelParameters) -> Double? { read(p) }

    /// Sets the value in `p`; `value` must be admitted (``admits(_:)``) or nil for an optional one.
    public func set(_ value: Double?, in p: inout ModelParameters) {
        precondition(value.map(admits) ?? isOptional, "\(key): \(String(describing: value)) is not admitted")
        write(&p, value)
    }

    /// Whether `x` is an allowed value: in range, and a whole number for an integer or a boolean.
    public func admits(_ x: Double) -> Bool {
        allowed.contains(x) && (kind == .real || x == x.rounded())
    }

    /// What the messages say is allowed.
    public var allowedText: String {
        switch kind {
        case .real: return allowed.description
        case .integer: return "an integer in \(allowed)"
        case .boolean: return "true or false"
        case let .choice(words): return words.joined(separator: ", ")
        }
    }

    /// A value as the messages print it.
    public func text(_ x: Double) -> String {
        switch kind {
        case .boolean where x == 0 || x == 1: return x == 1 ? "true" : "false"
        case .integer where x == x.rounded() && abs(x) < 1e15: return String(Int(x))
        case let .choice(words) where admits(x): return words[Int(x)]
        default: return "\(x)"
        }
    }
}

extension ParameterDescriptor {
    static func real(_ key: String, _ path: WritableKeyPath<ModelParameters, Double> & Sendable, _ allowed: AllowedRange,
                     default defaultValue: Default = .initialValue, usedUnder: Resolution? = nil, _ meaning: String) -> ParameterDescriptor {
        ParameterDescriptor(key: key, kind: .real, allowed: allowed, defaultValue: defaultValue,
                            meaning: meaning, excludes: nil, usedUnder: usedUnder,
                            read: { $0[keyPath: path] }, write: { $0[keyPath: path] = $1! })
    }

    /// A real value that may be absent: nil means derived from other inputs, as `derivation` says.
    static func optionalReal(_ key: String, _ path: WritableKeyPath<ModelParameters, Double?> & Sendable,
                             _ allowed: AllowedRange, derived derivation: String, excludes: String? = nil, usedUnder: Resolution? = nil,
                             _ meaning: String) -> ParameterDescriptor {
        ParameterDescriptor(key: key, kind: .real, allowed: allowed, defaultValue: .derived(derivation),
                            meaning: meaning, excludes: excludes, usedUnder: usedUnder,
                            read: { $0[keyPath: path] }, write: { $0[keyPath: path] = $1 })
    }

    static func integer(_ key: String, _ path: WritableKeyPath<ModelParameters, Int> & Sendable, _ allowed: AllowedRange,
                        default defaultValue: Default = .initialValue, usedUnder: Resolution? = nil, _ meaning: String) -> ParameterDescriptor {
        ParameterDescriptor(key: key, kind: .integer, allowed: allowed, defaultValue: defaultValue,
                            meaning: meaning, excludes: nil, usedUnder: usedUnder,
                            read: { Double($0[keyPath: path]) }, write: { $0[keyPath: path] = Int($1!) })
    }

    static func boolean(_ key: String, _ path: WritableKeyPath<ModelParameters, Bool> & Sendable,
                        default defaultValue: Default = .initialValue, usedUnder: Resolution? = nil, _ meaning: String) -> ParameterDescriptor {
        ParameterDescriptor(key: key, kind: .boolean, allowed: .closed(0, 1), defaultValue: defaultValue,
                            meaning: meaning, excludes: nil, usedUnder: usedUnder,
                            read: { $0[keyPath: path] ? 1 : 0 }, write: { $0[keyPath: path] = $1! == 1 })
    }

    /// One of the cases of `E`, named by their raw values.
    static func choice<E: CaseIterable & RawRepresentable & Equatable & Sendable>(
        _ key: String, _ path: WritableKeyPath<ModelParameters, E> & Sendable, default defaultValue: Default = .initialValue,
        _ meaning: String
    ) -> ParameterDescriptor where E.RawValue == String {
        let cases = Array(E.allCases)
        return ParameterDescriptor(key: key, kind: .choice(cases.map(\.rawValue)), allowed: .closed(0, Double(cases.count - 1)),
                                   defaultValue: defaultValue, meaning: meaning, excludes: nil, usedUnder: nil,
                                   read: { p in Double(cases.firstIndex(of: p[keyPath: path])!) },
                                   write: { $0[keyPath: path] = cases[Int($1!)] })
    }
}

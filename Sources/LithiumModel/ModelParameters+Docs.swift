extension ModelParameters {
    /// The rows of the `material` table of docs/SCENARIOS.md after its `substrate` row, read off
    /// ``table`` (a test keeps the document equal to them): key, type, default, allowed, meaning.
    public static var scenarioTableRows: [String] {
        let defaults = ModelParameters(substrate: MaterialPresets.substrates[0])
        return table.map { d in
            let byDefault: String
            switch d.defaultValue {
            case .initialValue: byDefault = d.value(in: defaults).map(d.documentText) ?? "none"
            case .preset: byDefault = "preset"
            case let .derived(how): byDefault = how
            }
            let allowed: String
            switch d.kind {
            case .boolean: allowed = "true, false"
            case let .choice(words): allowed = words.joined(separator: ", ")
            case .real, .integer: allowed = d.allowed.description
            }
            return "| `\(d.key)` | \(d.kind.name) | \(byDefault) | \(allowed) | \(d.meaning) |"
        }
    }
}

extension ParameterDescriptor {
    /// A value as the docs print it: `true`, `2`, `0.05`, `7.65e-11`.
    func documentText(_ x: Double) -> String {
        switch kind {
        case .boolean: return x == 1 ? "true" : "false"
        case .choice: return "`\(text(x))`"
        case .real, .integer: return AllowedRange.format(x)
        }
    }
}

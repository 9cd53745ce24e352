import Yams

/// What a scenario file describes, from its top-level `kind` key: an electrode (the KMC of
/// plating and stripping; the default, so files without the key keep working) or a segregation
/// study of a Li–M surface (the complexion sampler). Commands dispatch on it.
public enum ScenarioKind: String, Sendable, Equatable, CaseIterable {
    case electrode
    case segregation

    /// The kind of the scenario `text`; a missing key means `electrode`.
    public static func of(yaml text: String) throws(ScenarioError) -> ScenarioKind {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch { throw ScenarioError("", "not valid YAML: \(error)") }
        guard case let .mapping(mapping)? = root, let node = mapping[Node("kind")] else { return .electrode }
        guard let name = node.string, let kind = ScenarioKind(rawValue: name.lowercased()) else {
            throw ScenarioError("kind", "'\(node.string ?? "?")' is not allowed; allowed: "
                + allCases.map(\.rawValue).joined(separator: ", "))
        }
        return kind
    }
}

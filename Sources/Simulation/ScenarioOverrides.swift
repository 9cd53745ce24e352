import Yams

/// Command-line overrides of scenario keys: `protocol.current_density_mA_cm2=2` sets that key
/// (creating the mappings on the way) before the scenario is validated, so an override is
/// checked exactly like the file.
public enum ScenarioOverrides {
    public static func apply(_ assignments: [String], to yaml: String) throws(ScenarioError) -> String {
        guard !assignments.isEmpty else { return yaml }
        var root: Node
        do { root = try Yams.compose(yaml: yaml) ?? Node.mapping(Node.Mapping([])) } catch {
            throw ScenarioError("", "not valid YAML: \(error)")
        }
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "=") else {
                throw ScenarioError(assignment, "expected key.path=value")
            }
            let path = assignment[..<equals].split(separator: ".").map(String.init)
            let text = String(assignment[assignment.index(after: equals)...])
            guard !path.isEmpty else { throw ScenarioError(assignment, "empty key path") }
            let value: Node
            do { value = try Yams.compose(yaml: text) ?? Node("") } catch {
                throw ScenarioError(path.joined(separator: "."), "value '\(text)' is not valid YAML")
            }
            root = try set(value, at: path[...], in: root, fullPath: path.joined(separator: "."))
        }
        do { return try Yams.serialize(node: root) } catch {
            throw ScenarioError("", "could not write the overridden scenario: \(error)")
        }
    }

    private static func set(_ value: Node, at path: ArraySlice<String>, in node: Node, fullPath: String) throws(ScenarioError) -> Node {
        guard let key = path.first else { return value }
        guard case var .mapping(mapping) = node else {
            throw ScenarioError(fullPath, "cannot set a key inside a value that is not a mapping")
        }
        let child = mapping[Node(key)] ?? Node.mapping(Node.Mapping([]))
        mapping[Node(key)] = try set(value, at: path.dropFirst(), in: child, fullPath: fullPath)
        return .mapping(mapping)
    }
}

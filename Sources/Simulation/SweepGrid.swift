/// The full grid of a parameter sweep: every combination of the values given for each key
/// (`--set key=v1,v2,…`, the first key varying slowest), each point a list of overrides.
public struct SweepGrid: Sendable, Equatable {
    public let keys: [String]
    public let values: [[String]]

    /// Parses `key=v1,v2,…` assignments; a key given twice or without values is an error.
    public init(assignments: [String]) throws(ScenarioError) {
        var keys: [String] = [], values: [[String]] = []
        for assignment in assignments {
            guard let equals = assignment.firstIndex(of: "="), equals != assignment.startIndex else {
                throw ScenarioError(assignment, "expected key.path=v1,v2,…")
            }
            let key = String(assignment[..<equals])
            let list = assignment[assignment.index(after: equals)...].split(separator: ",", omittingEmptySubsequences: false)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            guard !list.contains(where: \.isEmpty) else { throw ScenarioError(key, "empty value in '\(assignment)'") }
            guard !keys.contains(key) else { throw ScenarioError(key, "given twice; list all its values in one --set") }
            keys.append(key)
            values.append(list)
        }
        guard !keys.isEmpty else { throw ScenarioError("--set", "a sweep needs at least one --set key=v1,v2,…") }
        self.keys = keys
        self.values = values
    }

    public var count: Int { values.reduce(1) { $0 * $1.count } }

    /// The values of point `index` (0 ..< count), one per key.
    public func point(_ index: Int) -> [String] {
        var rest = index
        var chosen = [String](repeating: "", count: keys.count)
        for k in keys.indices.reversed() {
            chosen[k] = values[k][rest % values[k].count]
            rest /= values[k].count
        }
        return chosen
    }

    /// The `--set` overrides of point `index`.
    public func overrides(_ index: Int) -> [String] { zip(keys, point(index)).map { "\($0)=\($1)" } }

    /// Directory name of point `index` inside a sweep's output directory.
    public static func directoryName(_ index: Int) -> String {
        NumberedDirectory.name("point", index)
    }
}

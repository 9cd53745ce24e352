/// A scenario that cannot be run, with the key path of the offending field.
public struct ScenarioError: Error, Equatable, Sendable, CustomStringConvertible {
    public let path: String
    public let message: String

    public init(_ path: String, _ message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { path.isEmpty ? message : "\(path): \(message)" }
}

/// Why a random stream could not be created or restored.
public enum RandomStreamError: Error, Equatable, Sendable {
    /// GSL has no generator of this name; `valid` lists the names it does have.
    case unknownGenerator(name: String, valid: [String])
    /// A saved state could not be read back; `reason` says which part was wrong.
    case corruptState(reason: String)
    /// The saved state belongs to another generator than the one it is restored into.
    case generatorMismatch(expected: String, found: String)
    /// GSL could not allocate the generator.
    case allocationFailed(name: String)
    /// An argument outside its allowed range (for example `integer(below: 0)`).
    case invalidArgument(String)
}

extension RandomStreamError: CustomStringConvertible {
    public var description: String {
        switch self {
        case let .unknownGenerator(name, valid):
            return "unknown GSL generator '\(name)'; valid names: \(valid.joined(separator: ", "))"
        case let .corruptState(reason):
            return "corrupt random-number state: \(reason)"
        case let .generatorMismatch(expected, found):
            return "random-number state is for generator '\(found)', expected '\(expected)'"
        case let .allocationFailed(name):
            return "GSL could not allocate generator '\(name)'"
        case let .invalidArgument(message):
            return message
        }
    }
}

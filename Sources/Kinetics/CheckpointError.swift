/// Why a checkpoint could not be written, read or resumed.
public enum CheckpointError: Error, Equatable, Sendable, CustomStringConvertible {
    case unreadable(path: String, reason: String)
    case notACheckpoint(path: String)
    case unsupportedVersion(found: UInt32, supported: UInt32)
    case corrupt(reason: String)
    case mismatch(field: String, expected: String, found: String)

    public var description: String {
        switch self {
        case let .unreadable(path, reason): return "cannot read checkpoint '\(path)': \(reason)"
        case let .notACheckpoint(path): return "'\(path)' is not a LithiumKMC checkpoint (bad magic number)"
        case let .unsupportedVersion(found, supported):
            return "checkpoint format version \(found); this build reads version \(supported)"
        case let .corrupt(reason): return "corrupt checkpoint: \(reason)"
        case let .mismatch(field, expected, found):
            return "checkpoint does not match: \(field) is \(found), expected \(expected)"
        }
    }
}

/// Why a binary blob could not be read.
public enum BinaryFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case truncated(what: String, offset: Int)
    case invalid(what: String, detail: String)

    public var description: String {
        switch self {
        case let .truncated(what, offset): return "truncated while reading \(what) at byte \(offset)"
        case let .invalid(what, detail): return "invalid \(what): \(detail)"
        }
    }
}

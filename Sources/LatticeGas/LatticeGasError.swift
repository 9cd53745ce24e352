/// Why a lattice-gas system could not be set up.
public enum LatticeGasError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidParameter(field: String, value: Double, allowed: String)
    case invalidState(reason: String)

    public var description: String {
        switch self {
        case let .invalidParameter(field, value, allowed): return "\(field) = \(value); allowed: \(allowed)"
        case let .invalidState(reason): return "invalid lattice-gas state: \(reason)"
        }
    }
}

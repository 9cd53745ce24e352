/// Why a lattice could not be made.
public enum LatticeError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSize(field: String, value: Int)
    case tooManySites(lx: Int, ly: Int, lz: Int, maximum: Int)
    case insufficientMemory(sites: Int, bytesNeeded: Int, bytesAvailable: Int)

    public var description: String {
        switch self {
        case let .invalidSize(field, value):
            return "\(field) = \(value) is not a lattice size; allowed: an integer ≥ 1"
        case let .tooManySites(lx, ly, lz, maximum):
            return "lattice \(lx)×\(ly)×\(lz) has more than \(maximum) sites (site indices are 32-bit)"
        case let .insufficientMemory(sites, needed, available):
            return "a lattice of \(sites) sites needs about \(needed / 1_048_576) MiB, "
                + "but only \(available / 1_048_576) MiB of memory is available"
        }
    }
}

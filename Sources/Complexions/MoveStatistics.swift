/// Attempted and accepted Metropolis moves of one kind. An attempt whose partner site is empty,
/// frozen or of the same species is a rejected attempt (the proposal stays symmetric).
public struct MoveStatistics: Sendable, Equatable {
    public var attempted: UInt64 = 0
    public var accepted: UInt64 = 0

    public init() {}

    public var acceptanceRate: Double { attempted == 0 ? .nan : Double(accepted) / Double(attempted) }
}

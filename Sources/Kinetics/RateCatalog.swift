/// What an application declares about its rate classes: the rate of one event of each class
/// (s⁻¹) and the event type each class belongs to (types get common multiplicative factors).
public struct RateCatalog: Sendable, Equatable {
    public let rates: [Double]
    public let types: [Int]
    public let typeCount: Int

    /// Fails unless every rate is finite and ≥ 0 and every type is in 0 ..< typeCount.
    public init(rates: [Double], types: [Int]? = nil, typeCount: Int = 1) throws(RateCatalogError) {
        let types = types ?? [Int](repeating: 0, count: rates.count)
        guard rates.count == types.count else { throw .lengthMismatch(rates: rates.count, types: types.count) }
        guard rates.count <= Int(RateClassTable.noClass) else { throw .tooManyClasses(rates.count) }
        if let bad = rates.firstIndex(where: { !($0 >= 0 && $0.isFinite) }) {
            throw .invalidRate(rateClass: bad, value: rates[bad])
        }
        if let bad = types.firstIndex(where: { !(0..<typeCount).contains($0) }) {
            throw .invalidType(rateClass: bad, type: types[bad], typeCount: typeCount)
        }
        self.rates = rates
        self.types = types
        self.typeCount = typeCount
    }
}

public enum RateCatalogError: Error, Equatable, Sendable, CustomStringConvertible {
    case lengthMismatch(rates: Int, types: Int)
    case tooManyClasses(Int)
    case invalidRate(rateClass: Int, value: Double)
    case invalidType(rateClass: Int, type: Int, typeCount: Int)

    public var description: String {
        switch self {
        case let .lengthMismatch(rates, types): return "\(rates) class rates but \(types) class types"
        case let .tooManyClasses(n): return "\(n) rate classes; at most \(Int(RateClassTable.noClass)) allowed"
        case let .invalidRate(c, value): return "rate of class \(c) is \(value) s⁻¹; allowed: finite and ≥ 0"
        case let .invalidType(c, type, typeCount): return "class \(c) has type \(type); allowed: 0..<\(typeCount)"
        }
    }
}

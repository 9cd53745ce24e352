import Foundation

/// An interval of allowed values, each end open or closed, that describes itself the way
/// messages and docs print it: `(0, 1)`, `[0, 10]`, `(0, 1e+06]`. One value states a parameter's
/// range for validation, the scenario reader, the checkpoint reader and the docs alike.
public struct AllowedRange: Sendable, Equatable, CustomStringConvertible {
    public let lower: Double
    public let upper: Double
    public let lowerIsOpen: Bool
    public let upperIsOpen: Bool

    public init(_ lower: Double, _ upper: Double, lowerIsOpen: Bool = false, upperIsOpen: Bool = false) {
        precondition(lower < upper, "an allowed range needs lower < upper")
        (self.lower, self.upper, self.lowerIsOpen, self.upperIsOpen) = (lower, upper, lowerIsOpen, upperIsOpen)
    }

    /// `[a, b]`.
    public static func closed(_ a: Double, _ b: Double) -> AllowedRange { AllowedRange(a, b) }
    /// `(a, b)`.
    public static func open(_ a: Double, _ b: Double) -> AllowedRange { AllowedRange(a, b, lowerIsOpen: true, upperIsOpen: true) }
    /// `(a, b]`: strictly above a.
    public static func above(_ a: Double, atMost b: Double) -> AllowedRange { AllowedRange(a, b, lowerIsOpen: true) }
    /// `[a, b)`: strictly below b.
    public static func from(_ a: Double, below b: Double) -> AllowedRange { AllowedRange(a, b, upperIsOpen: true) }

    public func contains(_ x: Double) -> Bool {
        (lowerIsOpen ? x > lower : x >= lower) && (upperIsOpen ? x < upper : x <= upper)
    }

    public var description: String {
        "\(lowerIsOpen ? "(" : "[")\(Self.format(lower)), \(Self.format(upper))\(upperIsOpen ? ")" : "]")"
    }

    /// Six significant digits, no trailing zeros: `0`, `0.5`, `5000`, `1e+06`.
    public static func format(_ x: Double) -> String { String(format: "%g", x) }
}

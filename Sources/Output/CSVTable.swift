/// A CSV table: a header row and rows of numbers, RFC 4180 text.
public struct CSVTable: Sendable, Equatable {
    public let columns: [String]
    public private(set) var rows: [[Double]] = []

    public init(columns: [String]) { self.columns = columns }

    public mutating func append(_ row: [Double]) {
        precondition(row.count == columns.count, "row has \(row.count) values for \(columns.count) columns")
        rows.append(row)
    }

    public func rendered() -> String {
        var text = columns.joined(separator: ",") + "\n"
        for row in rows { text += row.map(Self.format).joined(separator: ",") + "\n" }
        return text
    }

    static func format(_ x: Double) -> String {
        if x == x.rounded(), abs(x) < 1e15 { return String(Int(x)) }
        return "\(x)"
    }
}

/// A CSV table: a header row and rows of numbers, RFC 4180 text.
public struct CSVTable: Sendable, Equatable {
    public let columns: [String]
    public private(set) var rows: [[Double]] = []

    public init(columns: [String]) { self.columns = columns }

    /// Reads a table as ``rendered()`` writes it (numbers in Swift's shortest round-trip form read
    /// back bit for bit); a row of the wrong width or a field that is not a number is an error
    /// naming the line.
    public init(parsing text: String) throws(CSVParseError) {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: true)
        guard let header = lines.first else { throw CSVParseError(line: 1, reason: "no header row") }
        self.init(columns: header.split(separator: ",", omittingEmptySubsequences: false).map(String.init))
        for (index, line) in lines.dropFirst().enumerated() {
            let fields = line.split(separator: ",", omittingEmptySubsequences: false).map { Double(String($0)) }
            guard fields.count == columns.count, fields.allSatisfy({ $0 != nil }) else {
                throw CSVParseError(line: index + 2, reason: "expected \(columns.count) numbers")
            }
            rows.append(fields.map { $0! })
        }
    }

    /// The values of the column called `name`, or nil if there is none.
    public func column(_ name: String) -> [Double]? {
        columns.firstIndex(of: name).map { c in rows.map { $0[c] } }
    }

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

/// Why a CSV text could not be read as a numeric table.
public struct CSVParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public let line: Int
    public let reason: String
    public var description: String { "line \(line): \(reason)" }
}

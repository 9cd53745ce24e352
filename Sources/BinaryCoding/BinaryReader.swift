/// Reads what ``BinaryWriter`` wrote, failing with a clear reason instead of reading past the end.
public struct BinaryReader {
    private let bytes: [UInt8]
    public private(set) var offset = 0

    public init(_ bytes: [UInt8]) { self.bytes = bytes }

    public var remaining: Int { bytes.count - offset }
    public var isAtEnd: Bool { offset == bytes.count }

    public mutating func read<T: FixedWidthInteger>(_: T.Type = T.self, _ what: String) throws(BinaryFormatError) -> T {
        let size = MemoryLayout<T>.size
        guard remaining >= size else { throw .truncated(what: what, offset: offset) }
        var value: T = 0
        for i in 0..<size { value |= T(truncatingIfNeeded: bytes[offset + i]) << (8 * i) }
        offset += size
        return value
    }

    public mutating func readDouble(_ what: String) throws(BinaryFormatError) -> Double {
        Double(bitPattern: try read(UInt64.self, what))
    }

    public mutating func readBool(_ what: String) throws(BinaryFormatError) -> Bool {
        switch try read(UInt8.self, what) {
        case 0: return false
        case 1: return true
        case let other: throw .invalid(what: what, detail: "expected 0 or 1, found \(other)")
        }
    }

    /// A length-prefixed byte run of at most `limit` bytes.
    public mutating func readBytes(_ what: String, limit: Int = .max) throws(BinaryFormatError) -> [UInt8] {
        let count = try readCount(what, elementSize: 1, limit: limit)
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    public mutating func readString(_ what: String, limit: Int = 4096) throws(BinaryFormatError) -> String {
        let raw = try readBytes(what, limit: limit)
        guard let string = String(validating: raw, as: UTF8.self) else {
            throw .invalid(what: what, detail: "not UTF-8")
        }
        return string
    }

    public mutating func readArray<T: FixedWidthInteger>(
        _: T.Type = T.self, _ what: String, limit: Int = .max
    ) throws(BinaryFormatError) -> [T] {
        let count = try readCount(what, elementSize: MemoryLayout<T>.size, limit: limit)
        var result = [T]()
        result.reserveCapacity(count)
        for _ in 0..<count { result.append(try read(T.self, what)) }
        return result
    }

    public mutating func readDoubleArray(_ what: String, limit: Int = .max) throws(BinaryFormatError) -> [Double] {
        try readArray(UInt64.self, what, limit: limit).map(Double.init(bitPattern:))
    }

    private mutating func readCount(_ what: String, elementSize: Int, limit: Int) throws(BinaryFormatError) -> Int {
        let raw = try read(UInt64.self, "\(what) length")
        guard raw <= UInt64(limit) else {
            throw .invalid(what: what, detail: "length \(raw) exceeds the limit \(limit)")
        }
        let count = Int(raw)
        guard count.multipliedReportingOverflow(by: elementSize).partialValue <= remaining,
              !count.multipliedReportingOverflow(by: elementSize).overflow else {
            throw .truncated(what: what, offset: offset)
        }
        return count
    }
}

/// Appends little-endian fixed-width values to a byte array.
///
/// Checkpoints and random-number states are written with it so that files are the same bytes
/// on every machine, and read back with ``BinaryReader``, which checks every length.
public struct BinaryWriter: Sendable {
    public private(set) var bytes: [UInt8] = []

    public init() {}

    public mutating func write<T: FixedWidthInteger>(_ value: T) {
        withUnsafeBytes(of: value.littleEndian) { bytes.append(contentsOf: $0) }
    }

    public mutating func write(_ value: Double) { write(value.bitPattern) }

    public mutating func write(_ value: Bool) { write(UInt8(value ? 1 : 0)) }

    /// A length-prefixed byte run.
    public mutating func write(bytes run: some Collection<UInt8>) {
        write(UInt64(run.count))
        bytes.append(contentsOf: run)
    }

    /// A length-prefixed UTF-8 string.
    public mutating func write(_ string: String) { write(bytes: Array(string.utf8)) }

    /// A length-prefixed array of fixed-width integers, copied in bulk.
    public mutating func write<T: FixedWidthInteger>(array: [T]) {
        write(UInt64(array.count))
        for value in array { write(value) }
    }

    /// A length-prefixed array of doubles.
    public mutating func write(array: [Double]) {
        write(UInt64(array.count))
        for value in array { write(value.bitPattern) }
    }
}

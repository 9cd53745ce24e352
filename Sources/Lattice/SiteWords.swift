import CPrefetch

/// One 32-bit word per site — an application's cell (its state and neighbour key, see
/// ``NeighborKeys``) — with value semantics (copy-on-write) and unchecked access for event loops.
///
/// An `Array` checks its uniqueness on every mutation, or once per `withUnsafeMutableBufferPointer`
/// closure; the event loop of an application touches a dozen cells per event, in code that reads
/// best straight-line. ``mutablePointer()`` makes the storage unique once and hands out a raw
/// pointer, valid until this value is next copied or mutated through another path.
public struct SiteWords: Sendable {
    @usableFromInline final class Storage: @unchecked Sendable {
        @usableFromInline let words: UnsafeMutablePointer<UInt32>
        @usableFromInline let count: Int

        init(_ source: UnsafeBufferPointer<UInt32>) {
            count = source.count
            words = .allocate(capacity: max(count, 1))
            if let base = source.baseAddress { words.initialize(from: base, count: count) }
        }

        @usableFromInline func copy() -> Storage { Storage(UnsafeBufferPointer(start: words, count: count)) }

        deinit { words.deallocate() }
    }

    @usableFromInline var storage: Storage

    public init(_ words: [UInt32]) {
        storage = words.withUnsafeBufferPointer { Storage($0) }
    }

    public var count: Int { storage.count }

    /// The words as an array (a copy).
    public var array: [UInt32] { Array(UnsafeBufferPointer(start: storage.words, count: storage.count)) }

    /// Read access without a bounds check in release builds (checked in debug builds).
    @inlinable @inline(__always) public subscript(site: Int) -> UInt32 {
        assert(site >= 0 && site < count, "site \(site) outside 0..<\(count)")
        return storage.words[site]
    }

    /// Starts loading the cache line of `site`'s word, to be written (a hint; `site` must be in
    /// `0 ..< count`, checked in debug builds).
    @inlinable @inline(__always) public func prefetch(_ site: Int) {
        assert(site >= 0 && site < storage.count, "site \(site) outside 0..<\(storage.count)")
        likmc_prefetch_write(storage.words + site)
    }

    /// A pointer for reading and writing every word; valid until `self` is copied or mutated
    /// otherwise. Copies the storage first if another value shares it.
    @inlinable @inline(__always) public mutating func mutablePointer() -> UnsafeMutablePointer<UInt32> {
        if !isKnownUniquelyReferenced(&storage) { storage = storage.copy() }
        return storage.words
    }
}

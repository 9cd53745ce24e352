/// A reusable list of event numbers, filled by an application during one event.
///
/// It keeps its storage between events and grows only when an event affects more events than
/// ever before, so the loop does not allocate. A reference type so that appending costs one
/// store, with no copy-on-write check.
public final class AffectedEvents {
    @exclusivity(unchecked) @usableFromInline var storage: UnsafeMutablePointer<UInt32>
    @exclusivity(unchecked) @usableFromInline var capacity: Int
    @exclusivity(unchecked) @usableFromInline var used = 0

    public init(capacity: Int = 256) {
        self.capacity = max(capacity, 1)
        storage = .allocate(capacity: self.capacity)
    }

    deinit { storage.deallocate() }

    @inlinable @inline(__always) public func append(_ event: UInt32) {
        if used == capacity { grow() }
        storage[used] = event
        used &+= 1
    }

    @usableFromInline func grow(toHold least: Int = 0) {
        var larger = capacity * 2
        while larger < least { larger *= 2 }
        let storage = UnsafeMutablePointer<UInt32>.allocate(capacity: larger)
        storage.update(from: self.storage, count: used)
        self.storage.deallocate()
        self.storage = storage
        capacity = larger
    }

    /// Where the next event goes, with room for `n` more: an application that lists many events in
    /// one loop writes them through this pointer, with one capacity check instead of one per event,
    /// and then hands back the end with ``commit(upTo:)``. Nothing may be appended in between.
    @inlinable @inline(__always) public func reserve(_ n: Int) -> UnsafeMutablePointer<UInt32> {
        if used &+ n > capacity { grow(toHold: used &+ n) }
        return storage + used
    }

    /// Ends a ``reserve(_:)``: the events written up to (not including) `end` are listed.
    @inlinable @inline(__always) public func commit(upTo end: UnsafeMutablePointer<UInt32>) {
        assert(end >= storage && end - storage <= capacity, "commit outside the reserved room")
        used = end - storage
    }

    @inlinable public var count: Int { used }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 { storage[i] }
    @inlinable public func removeAll() { used = 0 }
}

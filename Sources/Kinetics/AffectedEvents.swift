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

    @usableFromInline func grow() {
        let larger = UnsafeMutablePointer<UInt32>.allocate(capacity: capacity * 2)
        larger.update(from: storage, count: used)
        storage.deallocate()
        storage = larger
        capacity *= 2
    }

    @inlinable public var count: Int { used }
    @inlinable @inline(__always) public subscript(i: Int) -> UInt32 { storage[i] }
    @inlinable public func removeAll() { used = 0 }
}

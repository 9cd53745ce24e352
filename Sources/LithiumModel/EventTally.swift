/// Events carried out, by ``EventType``, and their net charge Σ events × ``EventType/electrons``
/// (cathodic minus anodic), kept up to date event by event: the run loop reads the charge after
/// every event, and summing the 16 lanes each time cost more than counting it.
///
/// Fixed-size lanes, not a heap array: a copy of the model would make every increment a
/// copy-on-write.
@usableFromInline struct EventTally: Sendable {
    private var counts = SIMD16<Int>()
    @usableFromInline private(set) var net = 0

    /// One more event of `type`, which takes `electrons` from the electrode.
    @inline(__always) mutating func record(_ type: Int, electrons: Int) {
        counts[type] &+= 1
        net &+= electrons
    }

    /// Events of `type` (a checkpoint sets them; the net charge follows).
    subscript(type: Int) -> Int {
        get { counts[type] }
        set {
            net += (newValue - counts[type]) * (EventType(rawValue: type)?.electrons ?? 0)
            counts[type] = newValue
        }
    }
}

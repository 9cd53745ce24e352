import BinaryCoding
import Foundation

/// Where an ``ElectrodeRun`` is in its protocol: the phase, where that phase started, the next
/// sample time, the Li inventories the cycle accounting started from, and the wall time spent so far.
/// Checkpoints are taken at sample boundaries, where this (with the series and cycles) is the whole
/// state of the driver.
struct RunPosition: Sendable, Equatable {
    var phaseIndex = 0
    var inPhase = false
    var phaseStartTime = 0.0
    var phaseStartCharge = 0
    var nextSample = 0.0
    var cycleStart = Inventory()
    var stripStart = Inventory()
    var plateSeconds = 0.0
    var stripSeconds = 0.0
    var lastEnd = PhaseEnd.charge
    var wallSeconds = 0.0
}

/// When and where `ElectrodeRun.run` saves checkpoints: asked at every sample boundary.
public struct CheckpointPolicy {
    public var isDue: () -> Bool
    public var save: ([UInt8]) throws -> Void

    public init(isDue: @escaping () -> Bool, save: @escaping ([UInt8]) throws -> Void) {
        self.isDue = isDue
        self.save = save
    }

    /// Every `seconds` of wall-clock time, to `path` (written atomically).
    public static func every(seconds: Double, to path: String) -> CheckpointPolicy {
        var last = Date()
        return CheckpointPolicy(isDue: {
            guard Date().timeIntervalSince(last) >= seconds else { return false }
            last = Date()
            return true
        }, save: { bytes in try AtomicFile.write(bytes, to: path) })
    }
}

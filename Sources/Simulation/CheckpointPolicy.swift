import BinaryCoding
import Foundation

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

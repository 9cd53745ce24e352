import BinaryCoding
import GSLRandom

/// Everything needed to continue a run exactly: the application's state (lattice, parameters),
/// the rate-class member lists in slot order (selection depends on it), the clock and the
/// random stream's position.
///
/// File layout (little-endian): a ``CheckpointFrame`` with magic `LKMCCKPT` around the body.
public struct Checkpoint: Equatable, Sendable {
    /// 2: the unused waiting-time variates are saved (they come in blocks since then).
    public static let formatVersion: UInt32 = 2
    static let frame = CheckpointFrame(magic: "LKMCCKPT", version: formatVersion)

    public var applicationName: String
    public var applicationState: [UInt8]
    public var clock: Clock
    public var random: UniformBuffer.Snapshot
    /// The engine's unused unit-mean exponential variates (``WaitingTimes``), in order.
    public var pendingWaitingTimes: [Double]
    public var memberLists: [[UInt32]]
    /// The scan order of the non-empty classes (selection depends on it too).
    public var activeOrder: [Int]
    /// The event-type factors in force (an electrode potential, say).
    public var typeFactors: [Double]

    public init(
        applicationName: String, applicationState: [UInt8], clock: Clock,
        random: UniformBuffer.Snapshot, pendingWaitingTimes: [Double], memberLists: [[UInt32]], activeOrder: [Int], typeFactors: [Double]
    ) {
        self.activeOrder = activeOrder
        self.typeFactors = typeFactors
        self.applicationName = applicationName
        self.applicationState = applicationState
        self.clock = clock
        self.random = random
        self.pendingWaitingTimes = pendingWaitingTimes
        self.memberLists = memberLists
    }

    public func encoded() -> [UInt8] {
        Self.frame.seal { writer in
            writer.write(applicationName)
            writer.write(clock.time)
            writer.write(clock.events)
            writer.write(bytes: random.blockStartState)
            writer.write(UInt64(random.used))
            writer.write(array: pendingWaitingTimes)
            writer.write(UInt64(memberLists.count))
            for list in memberLists { writer.write(array: list) }
            writer.write(array: activeOrder.map { UInt32($0) })
            writer.write(array: typeFactors)
            writer.write(bytes: applicationState)
        }
    }

    public init(decoding bytes: [UInt8], path: String = "checkpoint") throws(CheckpointError) {
        var reader = try Self.frame.open(bytes, path: path)
        do {
            applicationName = try reader.readString("application name")
            clock = Clock(time: try reader.readDouble("clock time"), events: try reader.read(UInt64.self, "event count"))
            let state = try reader.readBytes("random state", limit: 1 << 20)
            random = UniformBuffer.Snapshot(blockStartState: state, used: Int(try reader.read(UInt64.self, "random position")))
            pendingWaitingTimes = try reader.readDoubleArray("pending waiting times", limit: WaitingTimes.blockSize)
            let classCount = try reader.read(UInt64.self, "class count")
            guard classCount <= UInt64(RateClassTable.noClass) else {
                throw CheckpointError.corrupt(reason: "\(classCount) rate classes")
            }
            memberLists = []
            for c in 0..<Int(classCount) { memberLists.append(try reader.readArray(UInt32.self, "members of class \(c)")) }
            activeOrder = try reader.readArray(UInt32.self, "active class order", limit: Int(classCount)).map { Int($0) }
            typeFactors = try reader.readDoubleArray("type factors", limit: 1 << 16)
            applicationState = try reader.readBytes("application state")
            guard reader.isAtEnd else { throw CheckpointError.corrupt(reason: "\(reader.remaining) trailing bytes") }
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw .corrupt(reason: "\(error)")
        }
    }

    /// Writes the checkpoint atomically (temporary file, then rename).
    public func write(to path: String) throws(CheckpointError) {
        do { try AtomicFile.write(encoded(), to: path) } catch {
            throw .unreadable(path: path, reason: "could not write: \(error.localizedDescription)")
        }
    }

    public static func read(from path: String) throws(CheckpointError) -> Checkpoint {
        let bytes: [UInt8]
        do { bytes = try AtomicFile.read(path) } catch {
            throw .unreadable(path: path, reason: error.localizedDescription)
        }
        return try Checkpoint(decoding: bytes, path: path)
    }
}

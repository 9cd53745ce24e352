import BinaryCoding
import Kinetics
import LithiumModel
import Output

/// What the channel scaling did in one run, for summary.json's `acceleration` object: the mode,
/// and per channel of the model its smallest and final factor (1 throughout an exact run) and
/// the fraction of all events it took.
public struct AccelerationRecord: Sendable, Equatable {
    public struct Channel: Sendable, Equatable {
        public var name: String
        public var minimumFactor: Double
        public var finalFactor: Double
        public var eventShare: Double
    }

    public var mode: Acceleration.Mode
    public var channels: [Channel]

    /// The record of a run that has carried out `events` events, `eventsByType` of each type.
    init(mode: Acceleration.Mode, scaling: ChannelScaling?, channels list: [EventChannel], eventsByType: [Int], events: UInt64) {
        self.mode = mode
        channels = list.enumerated().map { c, channel in
            let fired = channel.types.reduce(0) { $0 + eventsByType[$1] }
            return Channel(name: channel.name, minimumFactor: scaling?.minimumFactors[c] ?? 1,
                           finalFactor: scaling?.factors[c] ?? 1, eventShare: events > 0 ? Double(fired) / Double(events) : 0)
        }
    }

    /// `{"mode": …, CHANNEL: {"min_factor", "final_factor", "event_share"}, …}`: the mode and one
    /// object per channel beside it (the summary.json contract).
    public var json: JSONValue {
        .object([("mode", .string(mode.rawValue))] + channels.map { c in
            (c.name, .object([("min_factor", .number(c.minimumFactor)), ("final_factor", .number(c.finalFactor)),
                              ("event_share", .number(c.eventShare))]))
        })
    }

    func encode(into w: inout BinaryWriter) {
        w.write(mode.rawValue)
        w.write(UInt64(channels.count))
        for c in channels {
            w.write(c.name)
            w.write(array: [c.minimumFactor, c.finalFactor, c.eventShare])
        }
    }

    init(decoding r: inout BinaryReader) throws {
        guard let mode = Acceleration.Mode(rawValue: try r.readString("acceleration mode", limit: 16)) else {
            throw CheckpointError.corrupt(reason: "acceleration mode")
        }
        let count = try r.read(UInt64.self, "acceleration channels")
        guard count <= 64 else { throw CheckpointError.corrupt(reason: "\(count) acceleration channels") }
        self.mode = mode
        channels = try (0..<count).map { _ in
            let name = try r.readString("channel name", limit: 256)
            let v = try r.readDoubleArray("channel factors", limit: 3)
            guard v.count == 3 else { throw CheckpointError.corrupt(reason: "channel \(name)") }
            return Channel(name: name, minimumFactor: v[0], finalFactor: v[1], eventShare: v[2])
        }
    }
}

import BinaryCoding

/// The controller's state in a checkpoint: the factors in force and their minima, the change
/// count, the window's start (its event count and firings per type). The channels and settings
/// are not stored: the resuming run declares them again, and the counts must fit them.
extension ChannelScaling {
    public func encode(into writer: inout BinaryWriter) {
        writer.write(array: factors)
        writer.write(array: minimumFactors)
        writer.write(Int64(changes))
        writer.write(nextReview)
        writer.write(array: windowStart.map(Int64.init))
    }

    /// Restores ``encode(into:)`` onto a controller built with the same channels and settings.
    public mutating func decode(from reader: inout BinaryReader) throws(CheckpointError) {
        do {
            let factors = try reader.readDoubleArray("scaling factors", limit: channels.count)
            let minima = try reader.readDoubleArray("smallest scaling factors", limit: channels.count)
            let changes = try reader.read(Int64.self, "scaling changes")
            let next = try reader.read(UInt64.self, "next scaling review")
            let start = try reader.readArray(Int64.self, "scaling window start", limit: typeCount)
            let valid = { (f: Double) in f >= Self.smallestFactor && f <= 1 }
            guard factors.count == channels.count, minima.count == channels.count, start.count == typeCount,
                  factors.allSatisfy(valid), minima.allSatisfy(valid), changes >= 0 else {
                throw CheckpointError.corrupt(reason: "scaling state does not fit \(channels.count) channels of \(typeCount) types")
            }
            self.factors = factors
            minimumFactors = minima
            self.changes = Int(changes)
            nextReview = next
            windowStart = start.map(Int.init)
        } catch let error as CheckpointError {
            throw error
        } catch {
            throw .corrupt(reason: "scaling state: \(error)")
        }
    }
}

import BinaryCoding

/// An application whose state can be saved into a checkpoint and read back.
public protocol CheckpointableApplication: KineticApplication {
    /// Identifies the application in a checkpoint, so that one is never resumed as another.
    static var checkpointName: String { get }
    /// The complete state (parameters and lattice): decoding it must give an equal application.
    func encodeState(into writer: inout BinaryWriter)
    init(decodingState reader: inout BinaryReader) throws
}

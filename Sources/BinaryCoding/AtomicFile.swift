import Foundation

/// Writes whole files atomically: the bytes go to a temporary file in the same directory,
/// which is then renamed over the target. A reader (or a run killed mid-write) never sees a
/// half-written file, and a failed write leaves any older file untouched.
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: path), options: .atomic)
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    public static func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }
}

import BinaryCoding
import Foundation

/// A directory of results. It is never silently overwritten: files that already exist are an
/// error unless `replace` is set. Every file is written atomically (temporary file, then rename),
/// so a run killed mid-way leaves whole files or none.
public struct OutputDirectory: Sendable {
    public let path: String
    public let replace: Bool

    public init(path: String, replace: Bool) throws(OutputError) {
        self.path = path
        self.replace = replace
        var isDirectory: ObjCBool = false
        if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
            guard isDirectory.boolValue else { throw .notADirectory(path) }
        } else {
            do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
                throw .cannotWrite(path, error.localizedDescription)
            }
        }
    }

    /// Refuses to go on when any of `names` already exists (and `replace` is off): checked before
    /// a run starts, so no work is wasted and nothing is overwritten.
    public func checkWritable(_ names: [String]) throws(OutputError) {
        guard !replace else { return }
        let existing = names.filter { FileManager.default.fileExists(atPath: file($0)) }
        if !existing.isEmpty { throw .wouldOverwrite(path, existing) }
    }

    public func file(_ name: String) -> String { (path as NSString).appendingPathComponent(name) }

    public func write(_ text: String, to name: String) throws(OutputError) {
        do { try AtomicFile.write(text, to: file(name)) } catch {
            throw .cannotWrite(file(name), error.localizedDescription)
        }
    }

    public func write(_ bytes: [UInt8], to name: String) throws(OutputError) {
        do { try AtomicFile.write(bytes, to: file(name)) } catch {
            throw .cannotWrite(file(name), error.localizedDescription)
        }
    }
}

public enum OutputError: Error, Equatable, Sendable, CustomStringConvertible {
    case notADirectory(String)
    case cannotWrite(String, String)
    case wouldOverwrite(String, [String])

    public var description: String {
        switch self {
        case let .notADirectory(path): return "output path '\(path)' exists and is not a directory"
        case let .cannotWrite(path, reason): return "cannot write '\(path)': \(reason)"
        case let .wouldOverwrite(path, names):
            return "output directory '\(path)' already holds \(names.joined(separator: ", ")); "
                + "choose another --out or pass --force to replace them"
        }
    }
}

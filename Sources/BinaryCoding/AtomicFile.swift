import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Writes whole files atomically: the bytes go to a temporary file next to the target
/// (`.NAME.partial`), are flushed to disk, and the temporary file is renamed over the target. A reader (or
/// a run killed mid-write) never sees a half-written file, and a failed write leaves any older
/// file untouched. The temporary name is fixed, not random, so a temporary file left by a kill is
/// replaced and renamed away by the next write of the same file instead of piling up; one writer per
/// file is assumed (a result directory belongs to one likmc process).
public enum AtomicFile {
    public static func write(_ bytes: [UInt8], to path: String) throws {
        let temporary = temporaryPath(for: path)
        let descriptor = open(temporary, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard descriptor >= 0 else { throw failure("cannot create '\(temporary)'") }
        var written = 0
        while written < bytes.count {
            let n = bytes.withUnsafeBytes { Glibc.write(descriptor, $0.baseAddress! + written, $0.count - written) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else {
                let error = failure("cannot write '\(temporary)'")
                close(descriptor)
                unlink(temporary)
                throw error
            }
            written += n
        }
        let synced = fsync(descriptor) == 0
        let closed = close(descriptor) == 0
        guard synced, closed, rename(temporary, path) == 0 else {
            let error = failure("cannot save '\(path)'")
            unlink(temporary)
            throw error
        }
    }

    public static func write(_ text: String, to path: String) throws {
        try write(Array(text.utf8), to: path)
    }

    public static func read(_ path: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: path)))
    }

    /// `.NAME.partial` in the target's directory (a rename never crosses file systems).
    static func temporaryPath(for path: String) -> String {
        let url = URL(fileURLWithPath: path)
        return url.deletingLastPathComponent().appendingPathComponent("." + url.lastPathComponent + ".partial").path
    }

    static func failure(_ what: String) -> NSError {
        let code = errno
        return NSError(domain: NSPOSIXErrorDomain, code: Int(code),
                       userInfo: [NSLocalizedDescriptionKey: "\(what): \(String(cString: strerror(code)))"])
    }
}

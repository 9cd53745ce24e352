import Foundation

/// A one-line progress report on stderr for runs longer than a second; silent when stderr is not
/// a terminal or when disabled.
final class ProgressLine: @unchecked Sendable {
    private let enabled: Bool
    private let start = Date()
    private var lastDraw = Date.distantPast
    private var drawn = false

    init(enabled: Bool) { self.enabled = enabled && isatty(STDERR_FILENO) != 0 }

    func update(fraction: Double, detail: String) {
        guard enabled else { return }
        let now = Date()
        let elapsed = now.timeIntervalSince(start)
        guard elapsed > 1, now.timeIntervalSince(lastDraw) > 0.2 else { return }
        lastDraw = now
        let eta = fraction > 0 ? elapsed * (1 - fraction) / fraction : .nan
        let line = String(format: "\r%5.1f %%  elapsed %.0f s  ETA %.0f s  %@", 100 * fraction, elapsed, eta, detail)
        FileHandle.standardError.write(Data(line.utf8))
        drawn = true
    }

    func finish() {
        if drawn { FileHandle.standardError.write(Data("\r\u{1B}[K".utf8)) }
    }
}

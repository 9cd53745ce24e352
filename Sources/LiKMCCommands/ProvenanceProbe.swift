import Foundation
import Simulation

/// Finds out the ``Provenance`` of this process for manifest.json.
///
/// The commit is read at run time, not stamped in at build time: SwiftPM has no build step that
/// could write it into the binary without a build-tool plugin running git on every build. So when
/// the executable lives inside a git checkout (as `.build/release/likmc` does) the commit is that
/// checkout's `git rev-parse HEAD`; anywhere else (an installed copy, no git) it is "unknown". A
/// checkout that moved on after the build reports its new HEAD: rebuild after pulling and they agree.
enum ProvenanceProbe {
    static func current() -> Provenance {
        let host = ProcessInfo.processInfo.hostName
        return Provenance(commit: commit() ?? Provenance.unknown, host: host.isEmpty ? Provenance.unknown : host)
    }

    /// HEAD of the git checkout holding the running executable, or nil.
    static func commit() -> String? {
        guard let executable = Bundle.main.executablePath else { return nil }
        let directory = URL(fileURLWithPath: executable).resolvingSymlinksInPath().deletingLastPathComponent()
        let git = Process()
        git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        git.arguments = ["git", "-C", directory.path, "rev-parse", "HEAD"]
        let output = Pipe()
        git.standardOutput = output
        git.standardError = FileHandle.nullDevice
        do { try git.run() } catch { return nil }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        git.waitUntilExit()
        let hash = String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
        guard git.terminationStatus == 0, hash.count == 40, hash.allSatisfy(\.isHexDigit) else { return nil }
        return hash
    }
}

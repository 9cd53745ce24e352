import Foundation
import Simulation
import Testing

/// manifest.json says what made a result: the version `likmc --version` prints, the git commit of
/// the checkout the executable was built in, the host and the random-number generator.
@Suite struct ProvenanceTests {
    /// The standard output of a command.
    static func output(_ executable: String, _ arguments: [String], in directory: String? = nil) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        if let directory { process.currentDirectoryURL = URL(fileURLWithPath: directory) }
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return String(decoding: data, as: UTF8.self).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    @Test func versionCommitHostAndGeneratorAreRecorded() throws {
        let likmc = try KillResumeTests.likmc()
        #expect(try Self.output(likmc, ["--version"]) == RunManifest.toolVersion)
        let (root, file) = try ShardMergeTests.workspace("provenance")
        defer { try? FileManager.default.removeItem(atPath: root) }
        try KillResumeTests.run(["ensemble", file, "--replicas", "2", "--set", "generator=TAUS2", "--out", root + "/e", "--quiet"])
        let text = try String(contentsOfFile: root + "/e/manifest.json", encoding: .utf8)
        let manifest = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(manifest["version"] as? String == RunManifest.toolVersion)
        #expect(manifest["generator"] as? String == "taus2")
        #expect(manifest["host"] as? String == ProcessInfo.processInfo.hostName)
        let checkout = URL(fileURLWithPath: likmc).deletingLastPathComponent().path
        let head = try Self.output("/usr/bin/env", ["git", "rev-parse", "HEAD"], in: checkout)
        #expect(head.count == 40, "the test runs from a git checkout")
        #expect(manifest["git_commit"] as? String == head)
        #expect(try RunManifest(jsonText: text).provenance == Provenance(commit: head, host: ProcessInfo.processInfo.hostName))
    }
}

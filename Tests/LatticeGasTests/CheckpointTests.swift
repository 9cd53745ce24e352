import BinaryCoding
import Foundation
import GSLRandom
import Kinetics
import Lattice
import LatticeGas
import Testing

/// Run N + M events ≡ run N, checkpoint to a file, resume, run M: identical lattice and
/// identical time, bit for bit. Damaged files are clear errors.
@Suite struct CheckpointTests {
    static func startEngine() throws -> KineticEngine<LatticeGas> {
        let shape = try LatticeShape(lx: 24, ly: 20, lz: 3)
        let random = try RandomStream(seed: 21)
        var substrate = [UInt8](repeating: SiteState.empty, count: shape.siteCount)
        for x in 0..<24 { substrate[Int(shape.index(x: x, y: x % 20, z: 0))] = SiteState.substrate(0) }
        let states = try LatticeGas.randomStates(shape: shape, coverage: 0.35, substrate: substrate, random: random)
        let parameters = LatticeGasParameters(bondEnergy: 0.06, substrateBondEnergies: [0.1])
        return try makeEngine(shape: shape, states: states, parameters: parameters, seed: 4)
    }

    static func temporaryPath(_ name: String) -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("likmc-\(ProcessInfo.processInfo.processIdentifier)-\(name)").path
    }

    @Test(arguments: [UInt64(0), 1, 4095, 4096, 12_345])
    func resumedRunIsBitForBitIdentical(firstLeg: UInt64) throws {
        var straight = try Self.startEngine()
        _ = straight.run(.events(firstLeg + 20_000))

        var first = try Self.startEngine()
        _ = first.run(.events(firstLeg))
        let path = Self.temporaryPath("ckpt-\(firstLeg)")
        defer { try? FileManager.default.removeItem(atPath: path) }
        try first.checkpoint().write(to: path)
        var resumed = try KineticEngine<LatticeGas>(resuming: Checkpoint.read(from: path))
        _ = resumed.run(.events(firstLeg + 20_000))

        #expect(resumed.application.states == straight.application.states)
        #expect(resumed.clock.time.bitPattern == straight.clock.time.bitPattern)
        #expect(resumed.clock.events == straight.clock.events)
        #expect(resumed.inconsistencies().isEmpty)
    }

    @Test func damagedCheckpointsAreClearErrors() throws {
        var engine = try Self.startEngine()
        _ = engine.run(.events(1000))
        let bytes = engine.checkpoint().encoded()
        // Truncated anywhere.
        for cut in [0, 5, 12, bytes.count / 3, bytes.count - 1] {
            #expect(throws: CheckpointError.self) { try Checkpoint(decoding: Array(bytes.prefix(cut))) }
        }
        // One flipped bit in the body.
        var flipped = bytes
        flipped[bytes.count / 2] ^= 0x10
        #expect(throws: CheckpointError.self) { try Checkpoint(decoding: flipped) }
        // Not a checkpoint at all.
        #expect(throws: CheckpointError.notACheckpoint(path: "checkpoint")) {
            try Checkpoint(decoding: Array("hello, world, this is text".utf8))
        }
        // A consistent file whose class lists disagree with its lattice.
        var tampered = engine.checkpoint()
        let nonEmpty = try #require(tampered.memberLists.firstIndex { !$0.isEmpty })
        tampered.memberLists[nonEmpty].removeLast()
        #expect(throws: CheckpointError.self) { try KineticEngine<LatticeGas>(resuming: tampered) }
        // Missing file.
        #expect(throws: CheckpointError.self) { try Checkpoint.read(from: "/nonexistent/dir/ckpt") }
    }

    /// Readers of a file being rewritten see the old or the new contents whole, never a mix or a
    /// prefix: 4 MiB files rewritten 40 times while another thread reads the same path.
    @Test func writingIsAtomic() async throws {
        let path = Self.temporaryPath("atomic")
        defer { try? FileManager.default.removeItem(atPath: path) }
        let size = 4 << 20
        let versions: [[UInt8]] = [[UInt8](repeating: 0x61, count: size), [UInt8](repeating: 0x62, count: size)]
        try AtomicFile.write(versions[0], to: path)
        let writer = Task.detached {
            for round in 1...40 { try AtomicFile.write(versions[round % 2], to: path) }
        }
        var reads = 0, torn = 0
        while reads < 400 {
            let bytes = try AtomicFile.read(path)
            reads += 1
            if !(bytes == versions[0] || bytes == versions[1]) { torn += 1 }
        }
        try await writer.value
        #expect(torn == 0, "\(torn) of \(reads) reads saw a half-written file")
        #expect(try AtomicFile.read(path) == versions[0])
        // A write into a directory that does not exist fails and leaves nothing behind.
        #expect(throws: (any Error).self) { try AtomicFile.write("new", to: "/nonexistent/dir/file") }
    }
}

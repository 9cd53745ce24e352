import Dispatch
import Foundation
import GSLRandom
import Kinetics
import Lattice
@testable import LithiumModel
import Testing

/// The event loop reads the key → class tables as raw memory (``EventLookup``, a value of pointers)
/// owned by the model's shared ``ModelDefinition``, which frees it in its `deinit`. Every copy of a
/// model holds the definition, so a copy — moved into an engine, handed to another thread, an
/// ensemble replica — keeps the tables alive after the original is gone. Here the original is
/// dropped before its copies run, the heap is churned with garbage blocks of the tables' sizes
/// (memory freed too early would be handed out and overwritten), and copies run on two threads at
/// once must still give the trajectory of an undisturbed run, bit for bit. A dangling table reads
/// garbage classes (a different trajectory, or a crash); under `--sanitize=address` it is reported
/// as a use after free.
@Suite struct ModelLifetimeTests {
    /// Cu, 12 × 12 × 8, plating at 0.1 V with slow diffusion: every event type is frequent.
    static func model() throws -> LithiumModel {
        var parameters = try ModelParameters(substrateNamed: "Cu")
        parameters.lithiumBondEnergy = 0.04
        parameters.lithiumDiffusivity = 1e-13
        parameters.seiExchangeCurrentDensity = 0.05
        let shape = try LatticeShape(lx: 12, ly: 12, lz: 8)
        let kinds = try LithiumModel.initialKinds(shape: shape, substrateLayers: 1)
        return try LithiumModel(shape: shape, parameters: parameters, kinds: kinds,
                                control: ElectrochemicalControl(mode: .potentiostatic(overpotential: 0.1)))
    }

    /// The site kinds and the event counts after 3 000 events from `model` with stream (7, 0).
    static func run(_ model: LithiumModel) throws -> [Int] {
        var engine = KineticEngine(application: model, random: UniformBuffer(stream: try RandomStream(masterSeed: 7, replica: 0)))
        engine.application.didPerform(rates: engine.rates)
        _ = engine.run(.events(3000))
        return engine.application.grid.states.map(Int.init) + engine.application.eventsByType
    }

    @Test func copiesOutliveTheOriginalOnOtherThreads() throws {
        let reference = try Self.run(Self.model())
        var copies: [LithiumModel] = []
        do {
            let original = try Self.model()
            copies = [original, original]
        }  // the original is gone: only the copies hold its definition
        // Blocks of every size the tables have (a few bytes to ~50 KB), filled with garbage.
        var churn: [UnsafeMutableRawPointer] = []
        for round in 0..<8 {
            for size in stride(from: 8, through: 1 << 16, by: 8) where size.nonzeroBitCount == 1 || size % 1024 == 0 {
                let block = UnsafeMutableRawPointer.allocate(byteCount: size, alignment: 16)
                block.initializeMemory(as: UInt8.self, repeating: UInt8(0xA5 ^ round), count: size)
                churn.append(block)
            }
        }
        defer { churn.forEach { $0.deallocate() } }
        let results = Results(), models = Models(copies)
        copies.removeAll()
        DispatchQueue.concurrentPerform(iterations: 2) { i in results.set(i, Result { try Self.run(models.list[i]) }) }
        for i in 0..<2 { #expect(try results.get(i) == reference, "copy \(i)") }
    }

    /// The copies, each read by one thread only (a model is not `Sendable`: threads must not share one
    /// value, but each may own a copy; copies share only immutable and copy-on-write storage).
    final class Models: @unchecked Sendable {
        let list: [LithiumModel]
        init(_ list: [LithiumModel]) { self.list = list }
    }

    /// Two result slots written from two threads.
    final class Results: @unchecked Sendable {
        private var slots: [Result<[Int], any Error>?] = [nil, nil]
        private let lock = NSLock()
        func set(_ i: Int, _ value: Result<[Int], any Error>) { lock.lock(); slots[i] = value; lock.unlock() }
        func get(_ i: Int) throws -> [Int] { lock.lock(); defer { lock.unlock() }; return try slots[i]!.get() }
    }
}

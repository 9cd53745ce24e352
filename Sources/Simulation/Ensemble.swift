import Analysis
import Dispatch
import Foundation
import Output

/// Many replicas of one scenario, run on all cores. Replica i always uses the random stream
/// derived from (seed, i) and results are stored by replica index, so the outcome does not depend
/// on the thread count or on which thread ran which replica. With a ``ReplicaStore`` every finished
/// replica is saved and every running one checkpointed, and a replica already saved (or
/// checkpointed) by an earlier, killed run is taken from (or continued from) the store: the
/// results are the same as those of one uninterrupted run.
public struct Ensemble {
    public let scenario: Scenario
    public let replicas: Range<Int>

    public init(scenario: Scenario, replicas: Range<Int>) {
        self.scenario = scenario
        self.replicas = replicas
    }

    /// Runs every replica with at most `threads` at a time; `progress` gets the number finished.
    public func run(threads: Int, store: ReplicaStore? = nil, progress: (@Sendable (Int) -> Void)? = nil) throws -> [RunResult] {
        let count = replicas.count
        let slots = ResultSlots<RunResult>(count: count)
        let scenario = self.scenario, first = replicas.lowerBound
        let workers = max(1, min(threads, count))
        let next = Counter(), done = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.increment() - 1
                guard index < count else { return }
                slots.store(Result { try Self.replica(first + index, of: scenario, store: store) }, at: index)
                progress?(done.increment())
            }
        }
        return try slots.results()
    }

    /// Replica `replica`, from the store when it has it, else run (and saved when there is a store).
    static func replica(_ replica: Int, of scenario: Scenario, store: ReplicaStore?) throws -> RunResult {
        guard let store else {
            var run = try ElectrodeRun(scenario: scenario, replica: replica)
            return run.run()
        }
        if let saved = try store.result(of: replica, scenario: scenario) { return saved }
        var run = try store.run(of: replica, scenario: scenario)
        let result = try run.run(checkpoint: store.checkpointPolicy(for: replica))
        try store.save(result)
        return result
    }
}

/// One slot per replica, written once each from the worker that ran it.
final class ResultSlots<Value>: @unchecked Sendable {
    private var slots: [Result<Value, any Error>?]
    private let lock = NSLock()

    init(count: Int) { slots = Array(repeating: nil, count: count) }

    func store(_ result: Result<Value, any Error>, at index: Int) {
        lock.lock()
        slots[index] = result
        lock.unlock()
    }

    func results() throws -> [Value] { try slots.map { try $0!.get() } }
}

/// A thread-safe counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = NSLock()

    func increment() -> Int {
        lock.lock()
        defer { lock.unlock() }
        value += 1
        return value
    }
}

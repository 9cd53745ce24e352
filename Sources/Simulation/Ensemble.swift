import Analysis
import Dispatch
import Foundation
import Output

/// Many replicas of one scenario, run on all cores. Replica i always uses the random stream
/// derived from (seed, i) and results are stored by replica index, so the outcome does not depend
/// on the thread count or on which thread ran which replica.
public struct Ensemble {
    public let scenario: Scenario
    public let replicas: Range<Int>

    public init(scenario: Scenario, replicas: Range<Int>) {
        self.scenario = scenario
        self.replicas = replicas
    }

    /// Runs every replica with at most `threads` at a time; `progress` gets the number finished.
    public func run(threads: Int, progress: (@Sendable (Int) -> Void)? = nil) throws -> [RunResult] {
        let count = replicas.count
        let slots = ResultSlots<RunResult>(count: count)
        let scenario = self.scenario, first = replicas.lowerBound
        let workers = max(1, min(threads, count))
        let next = Counter(), done = Counter()
        DispatchQueue.concurrentPerform(iterations: workers) { _ in
            while true {
                let index = next.increment() - 1
                guard index < count else { return }
                do {
                    var run = try ElectrodeRun(scenario: scenario, replica: first + index)
                    slots.store(.success(run.run()), at: index)
                } catch {
                    slots.store(.failure(error), at: index)
                }
                progress?(done.increment())
            }
        }
        return try slots.results()
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

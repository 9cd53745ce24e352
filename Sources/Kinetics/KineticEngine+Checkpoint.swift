import BinaryCoding
import GSLRandom

extension KineticEngine where Application: CheckpointableApplication {
    /// A checkpoint of the current state.
    public func checkpoint() -> Checkpoint {
        var writer = BinaryWriter()
        application.encodeState(into: &writer)
        return Checkpoint(
            applicationName: Application.checkpointName, applicationState: writer.bytes, clock: clock,
            random: random.snapshot(), pendingWaitingTimes: waitingTimes.pending,
            memberLists: (0..<rates.classCount).map { rates.members(ofClass: $0) },
            activeOrder: rates.activeClasses, typeFactors: rates.typeFactors)
    }

    /// Resumes a checkpoint: the run continues the same trajectory as if never interrupted.
    /// The stored class lists are checked against a from-scratch classification.
    public init(resuming checkpoint: Checkpoint) throws(CheckpointError) {
        guard checkpoint.applicationName == Application.checkpointName else {
            throw .mismatch(field: "application", expected: Application.checkpointName,
                            found: checkpoint.applicationName)
        }
        var reader = BinaryReader(checkpoint.applicationState)
        let application: Application
        do { application = try Application(decodingState: &reader) } catch {
            throw .corrupt(reason: "application state: \(error)")
        }
        guard reader.isAtEnd else { throw .corrupt(reason: "application state has trailing bytes") }
        let buffer: UniformBuffer
        do {
            let stream = try RandomStream(savedState: checkpoint.random.blockStartState)
            buffer = try UniformBuffer(stream: stream, snapshot: checkpoint.random)
        } catch { throw .corrupt(reason: "random state: \(error)") }
        self.init(application: application, random: buffer, clock: checkpoint.clock)
        waitingTimes = try WaitingTimes(pending: checkpoint.pendingWaitingTimes)
        try rates.restore(memberLists: checkpoint.memberLists, order: checkpoint.activeOrder)
        guard checkpoint.typeFactors.count == rates.typeCount,
              checkpoint.typeFactors.allSatisfy({ $0 >= 0 && $0.isFinite }) else {
            throw .corrupt(reason: "event-type factors")
        }
        for (type, factor) in checkpoint.typeFactors.enumerated() { rates.setTypeFactor(type, to: factor) }
        if let problem = inconsistencies().first {
            throw .corrupt(reason: "rate classes disagree with the lattice (\(problem))")
        }
    }
}

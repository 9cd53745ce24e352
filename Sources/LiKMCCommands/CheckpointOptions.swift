import ArgumentParser

/// `--checkpoint-every`, shared by `run`, `ensemble`, `sweep` and `resume` so all check it the same way.
struct CheckpointOptions: ParsableArguments {
    @Option(help: "Checkpoint a running simulation (DIR/checkpoint.likmc, or DIR/progress/ for ensembles) every this many wall-clock seconds (0: never); `likmc resume` continues it.")
    var checkpointEvery = 300.0

    func validate() throws {
        guard checkpointEvery >= 0 && checkpointEvery.isFinite else {
            throw ValidationError("--checkpoint-every must be ≥ 0 seconds, got \(checkpointEvery)")
        }
    }
}

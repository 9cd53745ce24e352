import Foundation
import Output

/// What a command that runs several ensembles from a saved plan (`sweep`, `converge`) finds in its
/// output folder, decided once for both: the rules for a complete, an interrupted and a fresh folder
/// are the same, only the plan and the words differ.
enum SavedPlan {
    enum State { case complete, interrupted, fresh }

    /// The folder's state. A complete one (its `finalFile` written) with `resume` has its leftovers
    /// removed and says so. An interrupted one (the plan at `planPath`, no final file) must hold the
    /// same plan (`isSamePlan`) to be resumed, and without `resume` is refused unless `force`.
    /// `work` names the work in messages ("sweep"), `differences` what another plan may change.
    static func state(of root: OutputDirectory, planPath: String, finalFile: String, resume: Bool, force: Bool,
                      work: String, differences: String, isSamePlan: () throws -> Bool) throws -> State {
        if resume, FileManager.default.fileExists(atPath: root.file(finalFile)) {
            try EnsembleOutput.removeLeftovers(in: root)
            print("\(root.path) is complete already: nothing to resume")
            return .complete
        }
        guard FileManager.default.fileExists(atPath: planPath) else { return .fresh }
        if resume {
            guard try isSamePlan() else { throw CommandError("'\(root.path)' holds a \(work) of another \(differences)") }
        } else if !force {
            throw CommandError("'\(root.path)' holds an interrupted \(work): "
                + "finish it with `likmc resume \(root.path)` (or the same command with --resume), or pass --force to start over")
        }
        return .interrupted
    }
}

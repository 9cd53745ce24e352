/// Where a result was made: the git commit of the LithiumKMC build and the host that ran it. Part of
/// every manifest.json so that a number in a paper can be traced to the code and machine behind it.
/// This type only holds the facts; finding them out (asking git, the system) is the command line's job.
public struct Provenance: Sendable, Equatable {
    /// What a manifest records when a fact cannot be found out.
    public static let unknown = "unknown"

    /// The full git commit hash, or ``unknown``.
    public var commit: String
    /// The host name, or ``unknown``.
    public var host: String

    public init(commit: String, host: String) {
        self.commit = commit
        self.host = host
    }
}

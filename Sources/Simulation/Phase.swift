import LithiumModel

/// One stretch of a protocol under one electrochemical control: plating, a rest at open circuit,
/// or stripping. A run is a list of phases (one plating phase, or plate → rest → strip per cycle).
struct Phase: Sendable {
    enum Kind: Int, Sendable {
        case plate = 0, rest = 1, strip = 2
        var name: String { ["plate", "rest", "strip"][rawValue] }
    }

    let kind: Kind
    let cycle: Int
    let mode: ElectrochemicalControl.Mode
    /// Simulated time between samples of the time series, s.
    let sampleInterval: Double
    /// Ends the phase after this many net faradaic events in its own direction (plating: cathodic).
    let chargeLimit: Int?
    /// Ends the phase after this long, s.
    let duration: Double?
    /// Ends a strip when the windowed overpotential falls below −cutoff, V.
    let cutoff: Double?
}

/// Why a phase ended.
enum PhaseEnd: String, Sendable {
    case charge = "charge reached"
    case time = "time limit"
    case cutoff = "cut-off potential"
    case exhausted = "nothing left to strip"
    case starved = "no reduction site"
    case noEvents = "no events possible"
    case eventLimit = "event limit"
}

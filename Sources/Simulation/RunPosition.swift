/// Where an ``ElectrodeRun`` is in its protocol: the phase, where that phase started, the next
/// sample time, the Li inventories the cycle accounting started from, and the wall time spent so far.
/// Checkpoints are taken at sample boundaries, where this (with the series and cycles) is the whole
/// state of the driver.
struct RunPosition: Sendable, Equatable {
    var phaseIndex = 0
    var inPhase = false
    var phaseStartTime = 0.0
    var phaseStartCharge = 0
    var nextSample = 0.0
    var cycleStart = Inventory()
    var stripStart = Inventory()
    var plateSeconds = 0.0
    var stripSeconds = 0.0
    var lastEnd = PhaseEnd.charge
    var wallSeconds = 0.0
}

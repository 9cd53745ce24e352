/// An observable whose dependence on the site edge `likmc converge` reports: its summary.json name
/// and the axis label of its plot. The table ``all`` is the one place that chooses them; a run's
/// summary that lacks one (no cycles: no CE) simply does not report it.
public struct ConvergenceObservable: Sendable, Equatable {
    public let name: String
    public let label: String

    public static let all = [
        ConvergenceObservable(name: "nucleation_overpotential_mV", label: "nucleation overpotential (mV)"),
        ConvergenceObservable(name: "plateau_overpotential_mV", label: "plateau overpotential (mV)"),
        ConvergenceObservable(name: "nucleus_density_per_cm2", label: "nucleus density (cm⁻²)"),
        ConvergenceObservable(name: "mean_nucleus_size_nm", label: "mean nucleus size (nm)"),
        ConvergenceObservable(name: "dead_li_fraction", label: "dead-Li fraction (per cycle)"),
        ConvergenceObservable(name: "coulombic_efficiency", label: "Coulombic efficiency (per cycle)"),
    ]
}

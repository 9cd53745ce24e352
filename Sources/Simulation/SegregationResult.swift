import Analysis
import Complexions
import Output

/// What one segregation run produced and its files (definitions in docs/MODEL.md §11).
public struct SegregationResult: Sendable {
    public let scenario: SegregationScenario
    public let replica: Int
    public let profile: CompositionProfile
    public let exchanges: MoveStatistics
    public let flips: MoveStatistics
    /// (Δμ, h, SE, c_b) of every isotherm point, in scenario order.
    public let isotherm: [ContinuumFit.Point]
    /// The continuum fit over the film points of the isotherm (nil without one).
    public let fit: ContinuumFit?
    public let selfHealing: SelfHealing.Outcome?
    public let wallSeconds: Double

    /// h_EQ of the fitted continuum model at the scenario's Δμ and measured bulk composition, nm
    /// (NaN without a fit).
    public var continuumThickness: Double {
        guard let fit else { return .nan }
        return fit.thickness(at: ContinuumFit.Point(
            chemicalPotentialDifference: scenario.parameters.chemicalPotentialDifference, thickness: 0, standardError: 0,
            bulkComposition: profile.bulkComposition.mean))
    }

    /// The scalar observables, in summary.json order (what ensembles average).
    public var observables: [(String, Double)] {
        let ci = { (s: SampleSummary) in s.confidenceInterval95 }
        var values: [(String, Double)] = [
            ("surface_excess_per_nm2", profile.surfaceExcess.mean),
            ("surface_excess_ci95_low", ci(profile.surfaceExcess).lowerBound),
            ("surface_excess_ci95_high", ci(profile.surfaceExcess).upperBound),
            ("surface_layer_thickness_nm", profile.thickness.mean),
            ("surface_layer_thickness_ci95_low", ci(profile.thickness).lowerBound),
            ("surface_layer_thickness_ci95_high", ci(profile.thickness).upperBound),
            ("midpoint_depth_nm", profile.midpointDepth.mean),
            ("bulk_m_fraction", profile.bulkComposition.mean),
            ("surface_m_fraction", profile.layers.last?.mean ?? .nan),
            ("energy_per_site_eV", profile.energyPerSite.mean),
            ("exchange_acceptance", exchanges.acceptanceRate),
            ("flip_acceptance", flips.acceptanceRate),
            ("equilibration_sweeps", Double(profile.equilibration.truncation)),
            ("equilibrated", profile.equilibration.isConverged ? 1 : 0),
            ("equilibrium_thickness_nm_continuum", continuumThickness),
        ]
        if let fit {
            values += [
                ("continuum_decay_length_nm", fit.model.decayLength),
                ("continuum_delta_gamma_eV_per_nm2", fit.model.deltaGamma),
                ("continuum_volume_energy_offset_eV_per_nm3", fit.volumeEnergyOffset),
                ("continuum_chi_squared", fit.chiSquared),
                ("continuum_degrees_of_freedom", Double(fit.degreesOfFreedom)),
                ("continuum_finite_at_coexistence", fit.staysFinite ? 1 : 0),
                ("continuum_thickness_at_coexistence_nm", fit.coexistenceThickness),
            ]
        }
        if let h = selfHealing {
            values += [
                ("clean_start_thickness_nm", h.clean.thickness.mean),
                ("deposit_start_thickness_nm", h.deposited.thickness.mean),
                ("start_difference_nm", h.deposited.thickness.mean - h.clean.thickness.mean),
                ("start_difference_ci95_half_width_nm", StudentT.quantile975(degreesOfFreedom: max(1, h.clean.thickness.count - 1))
                    * (h.clean.thickness.standardError * h.clean.thickness.standardError
                        + h.deposited.thickness.standardError * h.deposited.thickness.standardError).squareRoot()),
                ("excess_before_strip_per_nm2", h.excessBeforeStrip),
                ("excess_after_strip_per_nm2", h.excessAfterStrip),
                ("excess_rebuilt_per_nm2", h.plateau.mean),
                ("surface_m_fraction_before_strip", h.surfaceFractionBeforeStrip),
                ("surface_m_fraction_after_strip", h.surfaceFractionAfterStrip),
                ("surface_m_fraction_rebuilt", h.surfaceFractionPlateau.mean),
                ("rebuild_time_s", h.rebuildTime),
            ]
        }
        return values
    }

    public func summaryJSON(command: String? = nil) -> JSONValue {
        var pairs: [(String, JSONValue)] = observables.map { ($0.0, .number($0.1)) }
        if let fit {
            pairs.append(("continuum_family", .string(fit.model.family.rawValue)))
            pairs.append(("continuum_residuals_nm", .array(fit.residuals.map { .number($0) })))
        }
        let p = scenario.parameters
        pairs += [
            ("ising_coupling_eV", .number(p.isingCoupling)),
            ("coexistence_delta_mu_eV", .number(p.coexistenceChemicalPotential)),
            ("delta_mu_eV", .number(p.chemicalPotentialDifference)),
            ("temperature_K", .number(p.temperature)),
            ("ensemble", .string(scenario.ensemble.rawValue)),
            ("sweeps", .integer(scenario.sweeps)),
            ("kept_sweeps", .integer(profile.keptSweeps)),
            ("wall_seconds", .number(wallSeconds)),
            ("seed", .integer(Int(scenario.seed))),
            ("replica", .integer(replica)),
            ("scenario", .string(scenario.name)),
            ("kind", .string(ScenarioKind.segregation.rawValue)),
        ]
        if let command { pairs.append(("command", .string(command))) }
        return .object(pairs)
    }

    /// profile.csv: layer centre height above the slab bottom, M fraction and its 95 % CI.
    public func profileCSV() -> String {
        var table = CSVTable(columns: ["z_nm", "m_fraction", "ci95_low", "ci95_high"])
        for (z, layer) in profile.layers.enumerated() {
            let ci = layer.confidenceInterval95
            table.append([(Double(z) + 0.5) * profile.siteEdge, layer.mean, ci.lowerBound, ci.upperBound])
        }
        return table.rendered()
    }

    /// isotherm.csv: Δμ, sampled h and its SE, bulk composition, and the fitted h (NaN outside the fit).
    public func isothermCSV() -> String {
        var table = CSVTable(columns: ["delta_mu_eV", "thickness_nm", "thickness_se_nm", "bulk_m_fraction", "continuum_thickness_nm"])
        for point in isotherm {
            table.append([point.chemicalPotentialDifference, point.thickness, point.standardError, point.bulkComposition,
                          fit?.thickness(at: point) ?? .nan])
        }
        return table.rendered()
    }

    /// rebuild.csv: Γ_M(t) and the surface layer's M fraction after the strip.
    public func rebuildCSV() -> String {
        var table = CSVTable(columns: ["time_s", "surface_excess_per_nm2", "surface_m_fraction"])
        for (t, gamma, surface) in selfHealing?.rebuild ?? [] { table.append([t, gamma, surface]) }
        return table.rendered()
    }
}

import LithiumModel

/// The coating's observables of a run (docs/MODEL.md §6): where the Li plated during the run ended
/// up, relative to the fresh electrode (its Li film all underneath, nothing on top, an empty coating).
extension RunResult {
    /// Net charge of the run in sites (cathodic positive): the Li plated.
    var platedSites: Int { coating?.charge ?? 0 }

    /// Li metal plated underneath the coating / on top of it, and Li held in it, sites.
    var coatingChanges: (underneath: Int, onTop: Int, inCoating: Int)? {
        guard let coating else { return nil }
        let film = scenario.plating.lithiumFilmLayers * surfaceSites
        return (coating.underneath - film, coating.onTop, coating.inCoating)
    }

    /// Of the Li plated, the fraction that is metal underneath the coating at the end.
    public var fractionPlatedUnderneath: Double {
        guard let c = coatingChanges, platedSites > 0 else { return .nan }
        return Double(c.underneath) / Double(platedSites)
    }

    /// Of the Li plated, the fraction that is metal on top of the coating at the end.
    public var fractionPlatedOnTop: Double {
        guard let c = coatingChanges, platedSites > 0 else { return .nan }
        return Double(c.onTop) / Double(platedSites)
    }

    /// Mean upward shift of the buried interface (the coating's lowest site) since the start, nm.
    public var coatingDisplacement: Double {
        guard let coating else { return .nan }
        let start = Double(scenario.parameters.substrateLayers + scenario.plating.lithiumFilmLayers)
        return (coating.meanInterfaceHeight - start) * scenario.parameters.siteEdge
    }

    /// summary.json's coating keys (none without a coating, so other runs' outputs stay as they were).
    var coatingObservables: [(String, Double)] {
        guard let coating, let c = coatingChanges else { return [] }
        let atoms = constants.atomsPerSite
        return [
            ("fraction_plated_underneath", fractionPlatedUnderneath),
            ("fraction_plated_on_top", fractionPlatedOnTop),
            ("coating_displacement_nm", coatingDisplacement),
            ("li_plated_underneath_atoms", Double(c.underneath) * atoms),
            ("li_plated_on_top_atoms", Double(c.onTop) * atoms),
            ("li_in_coating_atoms", Double(c.inCoating) * atoms),
            ("buried_interface_roughness_nm", coating.interfaceRoughness),
            ("surface_roughness_nm", coating.surfaceRoughness),
        ]
    }
}

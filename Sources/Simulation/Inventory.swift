import LithiumModel

/// Where the Li of an electrode is, in sites, at one moment: the net charge passed so far (in
/// faradaic events, cathodic positive) and the Li held as dead Li⁰, SEI Li⁺ and active
/// (connected or alloyed) Li.
///
/// Every Li⁺ reduced becomes Li⁰ (connected or dead, or dissolved in M) or is bound in SEI, and
/// only connected Li is oxidised, so between any two moments Δcharge = Δdead + ΔSEI + Δactive,
/// exactly; per cycle, plated − stripped = Δdead + ΔSEI + Δactive.
///
/// With a coating, active Li includes the Li held in the coating (C_Li), and the Li metal is also
/// split by place (docs/MODEL.md §6): `underneath` and `onTop` its column's coating (dead and
/// connected alike), `coating` in it; then charge = underneath + onTop + coating + SEI (+ alloy),
/// exactly, for every change too. Without a coating the three are 0.
struct Inventory: Sendable, Equatable {
    var charge = 0, dead = 0, sei = 0, active = 0
    var underneath = 0, onTop = 0, coating = 0

    init(_ model: LithiumModel) {
        charge = model.netFaradaicEvents
        dead = model.deadSites
        sei = model.seiFormations
        active = model.connectedLithiumSites + model.alloySites + model.population(of: SiteKind.lithiatedCoating)
        if model.parameters.hasCoating {
            let census = model.coatingCensus()
            (underneath, onTop, coating) = (census.underneath, census.onTop, census.inCoating)
        }
    }

    init() {}

    /// The change from `earlier` to `self`.
    func since(_ earlier: Inventory) -> Inventory {
        var d = Inventory()
        d.charge = charge - earlier.charge
        d.dead = dead - earlier.dead
        d.sei = sei - earlier.sei
        d.active = active - earlier.active
        d.underneath = underneath - earlier.underneath
        d.onTop = onTop - earlier.onTop
        d.coating = coating - earlier.coating
        return d
    }
}

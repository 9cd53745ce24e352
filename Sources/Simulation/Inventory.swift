import LithiumModel

/// Where the Li of an electrode is, in sites, at one moment: the net charge passed so far (in
/// faradaic events, cathodic positive) and the Li held as dead Li⁰, SEI Li⁺ and active
/// (connected or alloyed) Li.
///
/// Every Li⁺ reduced becomes Li⁰ (connected or dead, or dissolved in M) or is bound in SEI, and
/// only connected Li is oxidised, so between any two moments Δcharge = Δdead + ΔSEI + Δactive,
/// exactly; per cycle, plated − stripped = Δdead + ΔSEI + Δactive.
struct Inventory: Sendable, Equatable {
    var charge = 0, dead = 0, sei = 0, active = 0

    init(_ model: LithiumModel) {
        charge = model.netFaradaicEvents
        dead = model.deadSites
        sei = model.seiFormations
        active = model.connectedLithiumSites + model.alloySites
    }

    init() {}

    /// The change from `earlier` to `self`.
    func since(_ earlier: Inventory) -> Inventory {
        var d = Inventory()
        d.charge = charge - earlier.charge
        d.dead = dead - earlier.dead
        d.sei = sei - earlier.sei
        d.active = active - earlier.active
        return d
    }
}

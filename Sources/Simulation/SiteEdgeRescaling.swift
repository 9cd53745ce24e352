import Foundation
import LithiumModel

/// The same physical scenario at another site edge ℓ: the box fixed in nm, every charge in mC/cm²,
/// every thickness in nm, the current density, potentials and times unchanged. Scenario keys count
/// sites, layers or monolayers of sites, so each such key is rescaled by the rule ``rules`` gives
/// for it; the result is a list of `--set` overrides of the scenario text (so that the manifest of
/// each point records the scenario it ran). A key the rules leave out is a physical quantity that
/// does not depend on ℓ (mA/cm², mV, s, K, eV, cm²/s).
public struct SiteEdgeRescaling: Sendable, Equatable {
    /// The site edge of the rescaled scenario, nm.
    public let siteEdge: Double
    /// `key.path=value` overrides that turn the scenario into the one at ``siteEdge``.
    public let assignments: [String]
    /// Whole-number keys whose exact rescaled value was not whole and was rounded, with both values.
    public let roundings: [Rounding]

    public struct Rounding: Sendable, Equatable, CustomStringConvertible {
        public let key: String
        public let exact: Double
        public let used: Int
        public var description: String { "\(key) = \(used) (exactly \(String(format: "%.4g", exact)))" }
    }

    /// How a scenario key scales with ℓ.
    enum Quantity: Sendable {
        /// A length in sites (the box's x and y): must come out whole, or the box would change.
        case boxLength
        /// A thickness in layers: rounded to the nearest whole layer, at least `minimum`.
        case thickness(minimum: Int)
        /// The box height: the new substrate and film layers plus the room above them in nm, rounded
        /// up to whole layers (never less room for Li to grow into).
        case headroom
        /// A charge per area in monolayers of sites (charges, sampling windows, deposition rates
        /// per site): scaled by q(ℓ₀)/q(ℓ), q = e·(atoms per site)/ℓ² the charge of one monolayer.
        case monolayerCharge
        /// A number of sites that stands for an amount of Li: kept in atoms, rounded, at least 1.
        case siteVolume
        /// A count of events (a safety limit): the same physical run takes up to (ℓ₀/ℓ)⁵ times as
        /// many (ℓ⁻³ more sites, each hopping ℓ⁻² faster); rounded up.
        case eventBudget
    }

    /// A key, how it scales and how to read it from a parsed scenario (nil: not set, left alone).
    struct Rule: Sendable {
        let key: String
        let quantity: Quantity
        let read: @Sendable (Scenario) -> Double?
    }

    /// Every scenario key that depends on ℓ, once. A key added to the scenario reader that counts
    /// sites, layers or monolayers belongs here.
    static let rules: [Rule] = [
        Rule(key: "lattice.lx", quantity: .boxLength) { Double($0.lx) },
        Rule(key: "lattice.ly", quantity: .boxLength) { Double($0.ly) },
        Rule(key: "material.substrate_layers", quantity: .thickness(minimum: 1)) { Double($0.parameters.substrateLayers) },
        Rule(key: "protocol.li_film_layers", quantity: .thickness(minimum: 0)) { Double($0.plating.lithiumFilmLayers) },
        Rule(key: "lattice.lz", quantity: .headroom) { Double($0.lz) },
        Rule(key: "protocol.monolayers", quantity: .monolayerCharge) { $0.plating.monolayers },
        Rule(key: "protocol.deposition_rate_per_site_s", quantity: .monolayerCharge) {
            $0.plating.mode == .deposition ? $0.plating.depositionRate : nil
        },
        Rule(key: "sampling.window_monolayers", quantity: .monolayerCharge) { $0.sampling.windowMonolayers },
        Rule(key: "sampling.nucleus_min_sites", quantity: .siteVolume) { Double($0.sampling.nucleusMinimumSites) },
        Rule(key: "protocol.max_events", quantity: .eventBudget) { Double($0.plating.maximumEvents) },
    ]

    /// Relative tolerance within which a rescaled box length counts as whole.
    static let wholeTolerance = 1e-9

    /// The overrides that put `scenario` (at its own ℓ₀) at site edge `siteEdge`, nm. Throws,
    /// naming the key, when the box is not a whole number of sites of `siteEdge`.
    public init(_ scenario: Scenario, siteEdge: Double) throws(ScenarioError) {
        guard siteEdge > 0, siteEdge.isFinite else {
            throw ScenarioError("--site-edges", "\(siteEdge) nm is not allowed; allowed: site edges > 0 nm")
        }
        let old = scenario.parameters
        var new = old
        new.siteEdge = siteEdge
        let ratio = old.siteEdge / siteEdge  // sites of ℓ per site of ℓ₀, along a line
        let chargeRatio = RateConstants(old).chargePerEvent(surfaceSites: 1) / RateConstants(new).chargePerEvent(surfaceSites: 1)
        var assignments = ["material.site_edge_nm=\(siteEdge)"]
        var roundings: [Rounding] = []
        var layers = 0  // substrate and film layers at the new ℓ, for the headroom
        func whole(_ key: String, _ exact: Double, _ used: Int) -> String {
            if abs(exact - Double(used)) > Self.wholeTolerance * max(1, exact) {
                roundings.append(Rounding(key: key, exact: exact, used: used))
            }
            return "\(key)=\(used)"
        }
        for rule in Self.rules {
            guard let value = rule.read(scenario) else { continue }
            switch rule.quantity {
            case .boxLength:
                let exact = value * ratio
                guard abs(exact - exact.rounded()) <= Self.wholeTolerance * max(1, exact), exact.rounded() >= 1 else {
                    let nm = String(format: "%g", value * old.siteEdge)
                    throw ScenarioError(rule.key, "\(Int(value)) sites of \(String(format: "%g", old.siteEdge)) nm (\(nm) nm) are "
                        + "\(String(format: "%.4g", exact)) sites of \(String(format: "%g", siteEdge)) nm; allowed: site edges "
                        + "that divide the box into whole sites (\(nm) nm / n for a whole n)")
                }
                assignments.append("\(rule.key)=\(Int(exact.rounded()))")
            case let .thickness(minimum):
                let exact = value * ratio
                let used = max(minimum, Int(exact.rounded()))
                layers += used
                assignments.append(whole(rule.key, exact, used))
            case .headroom:
                let below = scenario.parameters.substrateLayers + scenario.plating.lithiumFilmLayers
                let room = (value - Double(below)) * ratio
                let used = layers + max(1, Int((room - Self.wholeTolerance * max(1, room)).rounded(.up)))
                assignments.append(whole(rule.key, value * ratio, used))
            case .monolayerCharge:
                assignments.append("\(rule.key)=\(value * chargeRatio)")
            case .siteVolume:
                let exact = value * old.atomsPerSite / new.atomsPerSite
                assignments.append(whole(rule.key, exact, max(1, Int(exact.rounded()))))
            case .eventBudget:
                let exact = value * pow(ratio, 5)
                let used = exact >= Double(Int.max) ? Int.max : max(1, Int(exact.rounded(.up)))
                assignments.append("\(rule.key)=\(used)")
            }
        }
        self.siteEdge = siteEdge
        self.assignments = assignments
        self.roundings = roundings
    }
}

import GSLRandom
import Kinetics
import Lattice
import LithiumModel
import Yams

extension Scenario {
    /// Reads and validates a scenario. Unknown keys, wrong types and out-of-range values are
    /// errors naming the key path and the allowed range.
    public static func parse(yaml text: String) throws(ScenarioError) -> Scenario {
        let root: Node?
        do { root = try Yams.compose(yaml: text) } catch {
            throw ScenarioError("", "the scenario is not valid YAML (\(error)); allowed: a YAML mapping of the keys in docs/SCENARIOS.md")
        }
        var top = try ConfigNode(root, path: "")
        var material = try top.child("material")
        let parameters = try readMaterial(&material)
        var scenario = Scenario(parameters: parameters, plating: PlatingProtocol())
        _ = try top.string("kind", default: ScenarioKind.electrode.rawValue, oneOf: [ScenarioKind.electrode.rawValue])
        scenario.name = try top.string("name", default: "scenario")
        let seed = try top.integer("seed", default: 1, 0...Int.max)
        scenario.seed = UInt64(seed)
        scenario.generator = try top.string("generator", default: GeneratorCatalog.defaultName, oneOf: GeneratorCatalog.names)
        var lattice = try top.child("lattice")
        scenario.lx = try lattice.integer("lx", default: 64, 1...65_536)
        scenario.ly = try lattice.integer("ly", default: 64, 1...65_536)
        scenario.lz = try lattice.integer("lz", default: 8, 2...65_536)
        try lattice.finish()
        var plating = try top.child("protocol")
        scenario.plating = try readProtocol(&plating)
        if top.has("cycling") {
            var cycling = try top.child("cycling")
            scenario.cycling = try readCycling(&cycling)
        }
        var sampling = try top.child("sampling")
        scenario.sampling.windowMonolayers = try sampling.double("window_monolayers", default: 0.01, 0...1e6, openLower: true)
        scenario.sampling.potentiostaticSamples = try sampling.integer("potentiostatic_samples", default: 200, 1...1_000_000)
        scenario.sampling.nucleusMinimumSites = try sampling.integer("nucleus_min_sites", default: 2, 1...1_000_000)
        try sampling.finish()
        var acceleration = try top.child("acceleration")
        scenario.acceleration = try readAcceleration(&acceleration)
        try material.finish()
        try top.finish()
        try scenario.check()
        return scenario
    }

    /// The `material` mapping: a substrate preset, then any input of ``ModelParameters/table`` (its
    /// key, type and range are the table's; the preset gives the defaults).
    private static func readMaterial(_ m: inout ConfigNode) throws(ScenarioError) -> ModelParameters {
        let substrateName = try m.string("substrate", default: "Cu", oneOf: MaterialPresets.substrates.map(\.name))
        var p = ModelParameters(substrate: MaterialPresets.substrate(named: substrateName)!)
        for parameter in ModelParameters.table {
            guard let x = try m.value(of: parameter) else { continue }
            if let other = parameter.excludes, m.has(other) {
                throw ScenarioError("\(m.path).\(parameter.key)", "give either \(other) or \(parameter.key), not both")
            }
            parameter.set(x, in: &p)
        }
        for parameter in ModelParameters.table where m.has(parameter.key) {
            if let resolution = parameter.usedUnder, resolution != p.resolution {
                throw ScenarioError("\(m.path).\(parameter.key)", "is not used under resolution: \(p.resolution.rawValue); "
                    + "allowed: only with resolution: \(resolution.rawValue)")
            }
        }
        return p
    }

    private static func readProtocol(_ n: inout ConfigNode) throws(ScenarioError) -> PlatingProtocol {
        var p = PlatingProtocol()
        let mode = try n.string("mode", default: "galvanostatic", oneOf: PlatingProtocol.Mode.allCases.map(\.rawValue))
        p.mode = PlatingProtocol.Mode(rawValue: mode.lowercased())!
        p.currentDensity = try n.double("current_density_mA_cm2", default: 1, 0...1e6, openLower: true)
        p.overpotential = try n.double("overpotential_mV", default: 0, -5000...5000)
        p.depositionRate = try n.double("deposition_rate_per_site_s", default: 1, 0...1e15, openLower: true)
        p.capacity = try n.optionalDouble("capacity_mAh_cm2", 0...1e6, openLower: true)
        p.monolayers = try n.optionalDouble("monolayers", 0...1e6, openLower: true)
        p.maximumTime = try n.optionalDouble("max_time_s", 0...1e15, openLower: true)
        p.maximumEvents = UInt64(try n.integer("max_events", default: 500_000_000, 1...Int.max))
        p.lithiumFilmLayers = try n.integer("li_film_layers", default: 0, 0...10_000)
        try n.finish()
        return p
    }

    private static func readAcceleration(_ n: inout ConfigNode) throws(ScenarioError) -> Acceleration {
        var a = Acceleration()
        let mode = try n.string("mode", default: Acceleration.Mode.off.rawValue, oneOf: Acceleration.Mode.allCases.map(\.rawValue))
        a.mode = Acceleration.Mode(rawValue: mode)!
        let d = ScalingSettings(), ranges = (ScalingSettings.separationRange, ScalingSettings.toleranceRange)
        a.settings.separation = try n.double("separation", default: d.separation, ranges.0)
        a.settings.tolerance = try n.double("tolerance", default: d.tolerance, ranges.1)
        a.settings.window = try n.integer("window", default: d.window, ScalingSettings.windowRange)
        try n.finish()
        return a
    }

    private static func readCycling(_ n: inout ConfigNode) throws(ScenarioError) -> Cycling {
        var c = Cycling()
        c.cycles = try n.integer("cycles", default: 1, 1...100_000)
        c.restSeconds = try n.double("rest_s", default: 0, 0...1e15)
        let mode = try n.string("strip_mode", default: "galvanostatic", oneOf: Cycling.StripMode.allCases.map(\.rawValue))
        c.stripMode = Cycling.StripMode(rawValue: mode.lowercased())!
        c.stripCurrentDensity = try n.optionalDouble("strip_current_density_mA_cm2", 0...1e6, openLower: true)
        c.stripOverpotential = try n.double("strip_overpotential_mV", default: -100, -5000...0, openUpper: true)
        c.cutoff = try n.double("strip_cutoff_mV", default: 500, 0...5000, openLower: true)
        c.stripMaximumTime = try n.optionalDouble("strip_max_time_s", 0...1e15, openLower: true)
        try n.finish()
        return c
    }

    /// Cross-field checks that no single key can make.
    func check() throws(ScenarioError) {
        let solid = parameters.substrateLayers + plating.lithiumFilmLayers + parameters.coatingThickness
        if solid >= lz {
            throw ScenarioError("lattice.lz", "\(lz) leaves no room above \(parameters.substrateLayers) substrate, "
                + "\(plating.lithiumFilmLayers) film and \(parameters.coatingThickness) coating layers; allowed: > \(solid)")
        }
        try checkSiteCount()
        if plating.capacity == nil && plating.monolayers == nil && plating.maximumTime == nil {
            throw ScenarioError("protocol", "the run has no end; allowed: at least one of capacity_mAh_cm2, monolayers, max_time_s")
        }
        if plating.mode == .potentiostatic && plating.maximumTime == nil {
            throw ScenarioError("protocol.max_time_s", "missing: a potentiostatic run needs it (it sets the sampling interval); "
                + "allowed: a number in (0.0, 1e15]")
        }
        if let cycling {
            if plating.mode == .deposition {
                throw ScenarioError("protocol.mode", "deposition cannot be cycled; allowed with cycling: galvanostatic, potentiostatic")
            }
            if cycling.stripMode == .potentiostatic && cycling.stripMaximumTime == nil {
                throw ScenarioError("cycling.strip_max_time_s", "missing: a potentiostatic strip needs it; allowed: a number in (0.0, 1e15]")
            }
        }
        do { try parameters.validate() } catch {
            switch error {
            case let .invalid(field, value, allowed):
                throw ScenarioError("material.\(field)", "\(value) is not allowed; allowed: \(allowed)")
            case let .impossible(reason): throw ScenarioError("material", "\(reason); allowed: a consistent material")
            }
        }
    }

    /// The lattice must have at most 2³² − 2 sites (32-bit site indices): a property of the file,
    /// checked by every parse.
    func checkSiteCount() throws(ScenarioError) {
        do { _ = try LatticeShape(lx: lx, ly: ly, lz: lz) } catch {
            throw ScenarioError("lattice", "\(lx)×\(ly)×\(lz) sites is too many; allowed: lx·ly·lz ≤ \(LatticeShape.maximumSiteCount)")
        }
    }

    /// The lattice must fit in the memory this machine has (90 % of what is available). Not part of
    /// ``parse(yaml:)``: it depends on the machine, and reading a scenario (to merge shards, say) on a
    /// smaller machine than the one that runs it is fine. `likmc validate` and every run check it.
    public func checkFitsInMemory() throws(ScenarioError) {
        do {
            try MemoryBudget.check(shape: try LatticeShape(lx: lx, ly: ly, lz: lz), bytesPerSite: LithiumModel.bytesPerSite)
        } catch {
            throw ScenarioError("lattice", "\(error); allowed: lx·ly·lz × \(LithiumModel.bytesPerSite) bytes within 90 % of the available memory")
        }
    }
}

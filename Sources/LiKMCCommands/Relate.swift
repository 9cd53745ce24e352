import Analysis
import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc relate SWEEPDIR --x OBS --y OBS`: the exponent of Y ∝ Xᵖ across the points of a sweep,
/// where X is itself measured (e.g. nucleus density against the overpotential the current produced).
struct Relate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Fit Y ∝ X^p across the points of a finished sweep, X and Y both observables (errors in both).",
        discussion: """
            Each point's replicas.csv gives pairs (x, y) per replica; X or Y may be a sum of observables, a+b \
            (e.g. the peak overpotential nucleation_overpotential_mV+plateau_overpotential_mV). The exponent is \
            weighted least squares of ln Ȳ on ln X̄ with the effective variance s_y² + p²s_x² − 2p·s_xy of each \
            point, iterated in p (docs/MODEL.md, "Pei relations"); the 95 % CI uses Student's t with the fewest \
            replicas minus one degrees of freedom. Prints a table; --out writes the same as JSON.
            """
    )

    @Argument(help: "A finished sweep directory (sweep.json, point-*/replicas.csv).") var directory: String
    @Option(help: "The abscissa: an observable name of replicas.csv, or a sum a+b of them.") var x: String
    @Option(help: "The ordinate: an observable name of replicas.csv, or a sum a+b of them.") var y: String
    @Option(help: "JSON file to write (optional).") var out: String?
    @Flag(help: "Replace an existing --out file.") var force = false

    func validate() throws {
        if let out, !out.hasSuffix(".json") { throw ValidationError("--out must name a .json file, got '\(out)'") }
    }

    func run() throws {
        let root = directory as NSString
        guard let text = try? String(contentsOfFile: root.appendingPathComponent("sweep.json"), encoding: .utf8) else {
            throw CommandError("'\(directory)' has no sweep.json: give the directory of a finished likmc sweep")
        }
        let (grid, _) = try SweepTable.grid(fromJSON: text)
        var samples: [PowerLawRelation.Sample] = []
        for index in 0..<grid.count {
            let path = root.appendingPathComponent(SweepGrid.directoryName(index) + "/replicas.csv")
            guard let csv = try? String(contentsOfFile: path, encoding: .utf8) else {
                throw CommandError("\(path) is missing: the sweep is not finished (likmc resume \(directory))")
            }
            let table = try ReplicaTable(csv: csv)
            samples.append(.init(x: try Self.values(x, in: table, option: "--x"), y: try Self.values(y, in: table, option: "--y")))
        }
        let relation: PowerLawRelation
        do { relation = try PowerLawRelation(samples) } catch { throw CommandError("--y \(y) against --x \(x): \(error)") }
        let fit = relation.fit
        var lines = ["point," + grid.keys.joined(separator: ",") + ",x_mean,y_mean,ln_y_effective_se"]
        for (index, point) in relation.points.enumerated() {
            lines.append(([String(index)] + grid.point(index) + [point.x, point.y, point.logError].map { "\($0)" })
                .joined(separator: ","))
        }
        print(lines.joined(separator: "\n"))
        print("\(y) ∝ (\(x))^p: p = \(fit.exponent), 95 % CI [\(fit.confidenceInterval95.lowerBound), "
            + "\(fit.confidenceInterval95.upperBound)], SE \(fit.standardError), \(fit.degreesOfFreedom) dof; "
            + "χ² = \(relation.chiSquared) for \(relation.points.count - 2) dof (a power law fits if χ² ≈ dof)")
        guard let out else { return }
        let json = JSONValue.object([
            ("x", .string(x)), ("y", .string(y)),
            ("exponent", .number(fit.exponent)),
            ("ci95_low", .number(fit.confidenceInterval95.lowerBound)),
            ("ci95_high", .number(fit.confidenceInterval95.upperBound)),
            ("standard_error", .number(fit.standardError)),
            ("degrees_of_freedom", .number(fit.degreesOfFreedom)),
            ("prefactor", .number(exp(fit.logPrefactor))),
            ("chi_squared", .number(relation.chiSquared)),
            ("chi_squared_dof", .integer(relation.points.count - 2)),
            ("points", .array(relation.points.enumerated().map { index, point in
                .object(zip(grid.keys, grid.point(index)).map { ($0, JSONValue.string($1)) }
                    + [("x_mean", .number(point.x)), ("y_mean", .number(point.y)), ("ln_y_effective_se", .number(point.logError))])
            })),
        ])
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        let target = try OutputDirectory(path: parent.isEmpty ? "." : parent, replace: force)
        try target.checkWritable([name])
        try target.write(json.rendered() + "\n", to: name)
        print("wrote \(out)")
    }

    /// Per replica, the sum of the observables named in `expression` (a or a+b+…).
    static func values(_ expression: String, in table: ReplicaTable, option: String) throws -> [Double] {
        let names = expression.split(separator: "+", omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: .whitespaces) }
        var total = [Double](repeating: 0, count: table.rows.count)
        for name in names {
            guard table.names.contains(name) else {
                throw CommandError("\(option) \(expression): '\(name)' is not an observable of replicas.csv; allowed: "
                    + table.names.joined(separator: ", "))
            }
            for (r, value) in table.values(name).enumerated() { total[r] += value }
        }
        return total
    }
}

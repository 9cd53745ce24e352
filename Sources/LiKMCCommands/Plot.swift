import ArgumentParser
import Foundation
import Output
import Simulation

/// `likmc plot DIR… --out FILE.svg`: η(t) of several result directories in one picture.
struct Plot: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Overlay the overpotential traces of result directories (run or ensemble) in one SVG plot.",
        discussion: "An ensemble directory contributes its mean and 95 % CI band (timeseries_mean.csv), a run directory its trace (timeseries.csv)."
    )

    @Argument(help: "Result directories of likmc run or likmc ensemble.") var directories: [String]
    @Option(help: "SVG file to write.") var out = "likmc-plot.svg"
    @Option(help: "Plot title.") var title = "Overpotential during plating"
    @Flag(help: "Replace an existing file.") var force = false

    func validate() throws {
        guard !directories.isEmpty else { throw ValidationError("give at least one result directory") }
        guard out.hasSuffix(".svg") else { throw ValidationError("--out must name an .svg file, got '\(out)'") }
    }

    func run() throws {
        var plot = SVGPlot(title: title, xLabel: "time (s)", yLabel: "η (mV, positive = cathodic)")
        for path in directories {
            let directory = path as NSString
            let label = Self.label(of: directory) ?? directory.lastPathComponent
            if let table = try Self.table(directory.appendingPathComponent("timeseries_mean.csv")) {
                plot.series.append(.init(name: label, x: table.column("time_s") ?? [], y: table.column("overpotential_mV_mean") ?? [],
                                         band: (table.column("overpotential_mV_ci95_low") ?? [],
                                                table.column("overpotential_mV_ci95_high") ?? [])))
            } else if let table = try Self.table(directory.appendingPathComponent("timeseries.csv")) {
                plot.series.append(.init(name: label, x: table.column("time_s") ?? [], y: table.column("overpotential_mV") ?? []))
            } else {
                throw CommandError("'\(path)' has neither timeseries_mean.csv nor timeseries.csv")
            }
        }
        let parent = (out as NSString).deletingLastPathComponent, name = (out as NSString).lastPathComponent
        let directory = try OutputDirectory(path: parent.isEmpty ? "." : parent, replace: force)
        try directory.checkWritable([name])
        try directory.write(plot.rendered(), to: name)
        print("wrote \(out)")
    }

    /// "scenario (substrate)" from a directory's summary.json.
    static func label(of directory: NSString) -> String? {
        guard let data = FileManager.default.contents(atPath: directory.appendingPathComponent("summary.json")),
              let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any],
              let substrate = object["substrate"] as? String else { return nil }
        return substrate + ((object["replicas"] as? Int).map { ", \($0) replicas" } ?? "")
    }

    /// The numeric table in `path`, nil if there is no such file; a malformed file is an error.
    static func table(_ path: String) throws -> CSVTable? {
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return nil }
        do { return try CSVTable(parsing: text) } catch { throw CommandError("\(path) \(error)") }
    }
}

import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import LithiumModel
import Output
import Simulation
import Testing

/// Pictures, dumps and time-series statistics: well-formed files with the content they claim.
@Suite struct PicturesTests {
    static func run(_ extra: String = "") throws -> (ElectrodeRun, RunResult) {
        var run = try ElectrodeRun(scenario: try Scenario.parse(yaml: """
            name: pictures
            seed: 3
            lattice: {lx: 12, ly: 10, lz: 6}
            material: {substrate: Cu, substrate_layers: 1, sei_exchange_current_density_mA_cm2: 0.05}
            protocol: {mode: galvanostatic, current_density_mA_cm2: 2, monolayers: 1.5}
            \(extra)
            sampling: {window_monolayers: 0.05}
            """))
        run.recordsSnapshots = true
        let result = run.run()
        return (run, result)
    }

    /// PNG signature, and width and height in the IHDR chunk, big-endian.
    static func pngSize(_ bytes: [UInt8]) -> (Int, Int)? {
        guard bytes.count > 24, bytes[0..<8] == [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A] else { return nil }
        func int(_ at: Int) -> Int { bytes[at..<at + 4].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test func picturesArePNGsOfTheLattice() throws {
        let (run, _) = try Self.run()
        let model = run.engine.application
        let section = ElectrodePictures.crossSection(of: model), surface = ElectrodePictures.heightMap(of: model)
        #expect(try Self.pngSize(section.png()).map { $0.0 * 6 == $0.1 * 12 } == true)  // lx : lz = 12 : 6
        #expect(try Self.pngSize(surface.png()).map { $0.0 * 10 == $0.1 * 12 } == true)
        // The bottom row of the cross-section is the substrate's colour (Cu), the top row electrolyte.
        #expect(section[0, section.height - 1] == RGB(184, 115, 51))
        #expect(section[0, 0] == RGB(248, 248, 248))
    }

    @Test func dumpFramesListEverySolidSite() throws {
        let (run, _) = try Self.run("cycling: {cycles: 1}")
        let frames = run.snapshots.components(separatedBy: "ITEM: TIMESTEP\n").dropFirst()
        #expect(frames.count == 3)  // start, after plating, after stripping
        let last = try #require(frames.last).split(separator: "\n")
        let model = run.engine.application
        let solids = model.grid.states.filter { $0 != SiteKind.empty }.count
        #expect(Int(last[2]) == solids)
        #expect(last.count == 8 + solids)
        let types = last.dropFirst(8).map { $0.split(separator: " ")[1] }
        #expect(types.filter { $0 == "2" }.count == model.deadSites)
        #expect(types.filter { $0 == "5" }.count == model.seiSites)
    }

    @Test func plotsAreWellFormedSVG() throws {
        let (_, result) = try Self.run("cycling: {cycles: 2}")
        let eta = TimeSeriesStatistics([result, result], name: "overpotential_mV") { $0.overpotential }
        for plot in [RunPlots.overpotential(result), RunPlots.nuclei(result), try #require(RunPlots.cycles([result])),
                     RunPlots.overpotential(eta, title: "t", label: "Cu <&>")] {
            let parser = XMLParser(data: Data(plot.rendered().utf8))
            #expect(parser.parse(), "\(plot.title)")
        }
    }

    /// Two identical replicas: mean = the trace, zero-width CI; at a sample time the value is the sample's.
    @Test func commonGridStatistics() throws {
        let (_, result) = try Self.run()
        let statistics = TimeSeriesStatistics([result, result], name: "charge") { $0.charge }
        let samples = result.series.samples
        #expect(!statistics.points.isEmpty)
        for point in statistics.points {
            #expect(point.summary.count == 2 && point.summary.standardDeviation == 0)
        }
        let first = statistics.points[0]
        #expect(abs(first.time - samples[0].time) < 1e-12 * samples[0].time)
        #expect(abs(first.summary.mean - samples[0].charge) < 1e-9)
        // Interpolation is linear in time: the sample time itself, interpolated, is the grid time.
        let clock = TimeSeriesStatistics([result], name: "time") { $0.time }
        for point in clock.points { #expect(abs(point.summary.mean - point.time) <= 1e-12 * point.time) }
        #expect(clock.points.last!.time <= samples.last!.time)
    }
}

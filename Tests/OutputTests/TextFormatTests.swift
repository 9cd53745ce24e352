import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import GSLRandom
import Output
import Testing

/// CSV and JSON read back what they wrote; SVG plots are well-formed XML with what was plotted.
@Suite struct TextFormatTests {
    @Test func csvRoundTripsBitForBit() throws {
        let random = try RandomStream(seed: 3)
        var table = CSVTable(columns: ["time_s", "eta_mV", "atoms"])
        for i in 0..<500 {
            let tiny = Double(sign: .plus, exponent: -1000 + i, significand: 1 + random.uniform())
            table.append([random.uniform() * 1e-9, -tiny, Double(i * 370)])
        }
        table.append([0, -0.0, 1e300])
        let back = try CSVTable(parsing: table.rendered())
        #expect(back.columns == table.columns)
        #expect(back.rows.count == table.rows.count)
        for (a, b) in zip(back.rows.joined(), table.rows.joined()) { #expect(a.bitPattern == b.bitPattern || (a == 0 && b == 0)) }
        #expect(back.column("atoms")?.last == 370 * 499 || back.column("atoms")?.dropLast().last == 370 * 499)
    }

    @Test func csvErrorsNameTheLine() {
        for (text, line, reason) in [("a,b\n1,2\n3\n", 3, "expected 2 numbers"), ("a,b\n1,x\n", 2, "expected 2 numbers"),
                                     ("", 1, "no header row")] {
            do { _ = try CSVTable(parsing: text); Issue.record("\(text) was read") } catch {
                #expect(error.line == line && error.reason == reason)
            }
        }
    }

    @Test func jsonIsValidOrderedAndEscaped() throws {
        let value = JSONValue.object([
            ("z_first", .number(0.1)), ("a_second", .integer(-3)), ("text", .string("quote \" slash \\ tab\t nl\n ctl \u{1}")),
            ("nan", .number(.nan)), ("inf", .number(-.infinity)), ("flags", .array([.bool(true), .null])),
            ("nested", .object([("x", .array([.object([("y", .number(1e-300))])]))])),
        ])
        let text = value.rendered()
        #expect(text.firstRange(of: "z_first")!.lowerBound < text.firstRange(of: "a_second")!.lowerBound)
        let parsed = try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any]
        #expect(parsed?["text"] as? String == "quote \" slash \\ tab\t nl\n ctl \u{1}")
        #expect(parsed?["nan"] is NSNull && parsed?["inf"] is NSNull)
        #expect((parsed?["z_first"] as? Double) == 0.1 && (parsed?["a_second"] as? Int) == -3)
        let nested = ((parsed?["nested"] as? [String: Any])?["x"] as? [[String: Any]])?.first?["y"] as? Double
        #expect(nested == 1e-300)
    }

    final class Collector: NSObject, XMLParserDelegate {
        var elements: [String: Int] = [:], text = ""
        func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                    attributes: [String: String] = [:]) { elements[name, default: 0] += 1 }
        func parser(_ parser: XMLParser, foundCharacters string: String) { text += string }
    }

    @Test func svgIsWellFormedAndHoldsEverySeries() {
        var plot = SVGPlot(title: "η & current <test>", xLabel: "charge (mC/cm²)", yLabel: "η (mV)")
        plot.series.append(.init(name: "Cu", x: [0, 1, 2, 3], y: [20, 30, 25, .nan],
                                 band: (low: [15, 25, 20, 20], high: [25, 35, 30, 30])))
        plot.series.append(.init(name: "Au", x: [0, 1, 2, 3], y: [-5, 0, 3, 4], markers: true))
        let svg = plot.rendered()
        let parser = XMLParser(data: Data(svg.utf8))
        let collector = Collector()
        parser.delegate = collector
        #expect(parser.parse(), "not well-formed: \(parser.parserError.map { "\($0)" } ?? "")")
        #expect(collector.elements["svg"] == 1)
        #expect(collector.text.contains("η & current <test>") && collector.text.contains("Cu") && collector.text.contains("Au"))
        #expect((collector.elements["polyline"] ?? 0) + (collector.elements["path"] ?? 0) >= 2)
        #expect(!svg.contains("nan") && !svg.contains("inf"))
    }
}

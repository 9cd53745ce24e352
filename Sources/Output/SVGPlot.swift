import Foundation

/// A line plot as standalone SVG text: axes with round-number ticks, lines (optionally with a
/// shaded band, e.g. a 95 % confidence interval, and markers), or scattered points with error bars,
/// and a legend.
public struct SVGPlot: Sendable {
    public struct Series: Sendable {
        public var name: String
        public var x: [Double]
        public var y: [Double]
        /// Lower and upper edges of a band around the line (same length as x), if any.
        public var band: (low: [Double], high: [Double])?
        public var markers: Bool
        /// Whether the points are joined by a line (off for scattered measurements).
        public var line = true
        /// Draw the band as a vertical bar at each point rather than a shaded area between points.
        public var errorBars = false

        public init(name: String, x: [Double], y: [Double], band: (low: [Double], high: [Double])? = nil, markers: Bool = false) {
            precondition(x.count == y.count, "x and y differ in length")
            (self.name, self.x, self.y, self.band, self.markers) = (name, x, y, band, markers)
        }

        /// Points with markers and no line, their band (if any) as error bars.
        public static func points(name: String, x: [Double], y: [Double], bars: (low: [Double], high: [Double])? = nil) -> Series {
            var series = Series(name: name, x: x, y: y, band: bars, markers: true)
            series.line = false
            series.errorBars = bars != nil
            return series
        }
    }

    public var title: String
    public var xLabel: String
    public var yLabel: String
    public var series: [Series] = []
    /// How values map to positions along x and along y.
    public var xScale = Scale.linear
    public var yScale = Scale.linear
    static let palette = ["#1f77b4", "#d62728", "#2ca02c", "#ff7f0e", "#9467bd", "#8c564b"]

    public init(title: String, xLabel: String, yLabel: String) {
        (self.title, self.xLabel, self.yLabel) = (title, xLabel, yLabel)
    }

    /// An axis is linear, or logarithmic (positions ∝ log₁₀ of the value; values ≤ 0 are not drawn).
    public enum Scale: Sendable {
        case linear, logarithmic

        /// The position of `value` along the axis, in axis units.
        func position(_ value: Double) -> Double {
            switch self {
            case .linear: return value
            case .logarithmic: return value > 0 ? log10(value) : .nan
            }
        }

        /// Tick positions covering `range` (axis units) and the values they stand for: round numbers
        /// on a linear axis; on a logarithmic one the decades, or 1, 2, 5 × 10ᵏ when the range spans
        /// less than two decades, or every 1 … 9 × 10ᵏ when it spans less than one.
        func ticks(_ range: ClosedRange<Double>) -> [(position: Double, value: Double)] {
            switch self {
            case .linear: return SVGPlot.ticks(range).map { ($0, $0) }
            case .logarithmic:
                let decades = Int(floor(range.lowerBound))...Int(ceil(range.upperBound))
                let span = range.upperBound - range.lowerBound
                let mantissas: [Double] = span < 1 ? (1...9).map(Double.init) : span < 2 ? [1, 2, 5] : [1]
                return decades.flatMap { k in mantissas.map { $0 * pow(10, Double(k)) } }
                    .map { (log10($0), $0) }.filter { range.contains($0.0) }
            }
        }
    }

    /// Round-number ticks (1, 2 or 5 × 10ᵏ apart) covering `range`.
    static func ticks(_ range: ClosedRange<Double>, count: Int = 6) -> [Double] {
        let span = range.upperBound - range.lowerBound
        guard span > 0, span.isFinite else { return [range.lowerBound] }
        let raw = span / Double(count)
        let magnitude = pow(10, floor(log10(raw)))
        let step = [1.0, 2, 5, 10].map { $0 * magnitude }.first { $0 >= raw } ?? 10 * magnitude
        var ticks: [Double] = []
        var t = ceil(range.lowerBound / step) * step
        while t <= range.upperBound + step * 1e-9 { ticks.append(abs(t) < step * 1e-9 ? 0 : t); t += step }
        return ticks
    }

    static func label(_ v: Double) -> String {
        if v == 0 { return "0" }
        if abs(v) >= 1e4 || abs(v) < 1e-3 { return String(format: "%.1e", v) }
        return String(format: "%g", (v * 1e6).rounded() / 1e6)
    }

    public func rendered(width: Double = 640, height: Double = 400) -> String {
        let (left, right, top, bottom) = (70.0, 20.0, 36.0, 50.0)
        let (xScale, yScale) = (self.xScale, self.yScale)
        let series = self.series.map { s in
            var scaled = Series(name: s.name, x: s.x.map(xScale.position), y: s.y.map(yScale.position),
                                band: s.band.map { ($0.low.map(yScale.position), $0.high.map(yScale.position)) }, markers: s.markers)
            (scaled.line, scaled.errorBars) = (s.line, s.errorBars)
            return scaled
        }
        let values = series.flatMap { s in zip(s.x, s.y).filter { $0.0.isFinite && $0.1.isFinite } }
        let bands = series.flatMap { s in s.band.map { $0.low + $0.high } ?? [] }.filter(\.isFinite)
        let xs = values.map(\.0), ys = values.map(\.1) + bands
        var xRange = (xs.min() ?? 0)...(xs.max() ?? 1), yRange = (ys.min() ?? 0)...(ys.max() ?? 1)
        if xRange.lowerBound == xRange.upperBound { xRange = (xRange.lowerBound - 1)...(xRange.upperBound + 1) }
        if yRange.lowerBound == yRange.upperBound { yRange = (yRange.lowerBound - 1)...(yRange.upperBound + 1) }
        let pad = 0.05 * (yRange.upperBound - yRange.lowerBound)
        yRange = (yRange.lowerBound - pad)...(yRange.upperBound + pad)
        let plotW = width - left - right, plotH = height - top - bottom
        func px(_ x: Double) -> Double { left + (x - xRange.lowerBound) / (xRange.upperBound - xRange.lowerBound) * plotW }
        func py(_ y: Double) -> Double { top + plotH - (y - yRange.lowerBound) / (yRange.upperBound - yRange.lowerBound) * plotH }
        func f(_ v: Double) -> String { String(format: "%.2f", v) }
        var svg = """
            <svg xmlns="http://www.w3.org/2000/svg" width="\(Int(width))" height="\(Int(height))" viewBox="0 0 \(Int(width)) \(Int(height))" font-family="sans-serif" font-size="12">
            <rect width="100%" height="100%" fill="white"/>
            <text x="\(f(width / 2))" y="20" text-anchor="middle" font-size="14">\(Self.escape(title))</text>

            """
        for (t, value) in xScale.ticks(xRange) {
            svg += "<line x1=\"\(f(px(t)))\" y1=\"\(f(top))\" x2=\"\(f(px(t)))\" y2=\"\(f(top + plotH))\" stroke=\"#e5e5e5\"/>"
            svg += "<text x=\"\(f(px(t)))\" y=\"\(f(top + plotH + 16))\" text-anchor=\"middle\">\(Self.label(value))</text>\n"
        }
        for (t, value) in yScale.ticks(yRange) {
            svg += "<line x1=\"\(f(left))\" y1=\"\(f(py(t)))\" x2=\"\(f(left + plotW))\" y2=\"\(f(py(t)))\" stroke=\"#e5e5e5\"/>"
            svg += "<text x=\"\(f(left - 6))\" y=\"\(f(py(t) + 4))\" text-anchor=\"end\">\(Self.label(value))</text>\n"
        }
        svg += "<rect x=\"\(f(left))\" y=\"\(f(top))\" width=\"\(f(plotW))\" height=\"\(f(plotH))\" fill=\"none\" stroke=\"black\"/>\n"
        svg += "<text x=\"\(f(left + plotW / 2))\" y=\"\(f(height - 10))\" text-anchor=\"middle\">\(Self.escape(xLabel))</text>\n"
        svg += "<text transform=\"translate(16 \(f(top + plotH / 2))) rotate(-90)\" text-anchor=\"middle\">\(Self.escape(yLabel))</text>\n"
        for (i, s) in series.enumerated() {
            let colour = Self.palette[i % Self.palette.count]
            if let band = s.band, s.errorBars {
                for k in s.x.indices where s.x[k].isFinite && band.low[k].isFinite && band.high[k].isFinite {
                    svg += "<line x1=\"\(f(px(s.x[k])))\" y1=\"\(f(py(band.low[k])))\" x2=\"\(f(px(s.x[k])))\" y2=\"\(f(py(band.high[k])))\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>"
                }
                svg += "\n"
            } else if let band = s.band {
                let upper = s.x.indices.filter { s.x[$0].isFinite && band.high[$0].isFinite }.map { "\(f(px(s.x[$0]))),\(f(py(band.high[$0])))" }
                let lower = s.x.indices.reversed().filter { s.x[$0].isFinite && band.low[$0].isFinite }
                    .map { "\(f(px(s.x[$0]))),\(f(py(band.low[$0])))" }
                svg += "<polygon points=\"\((upper + lower).joined(separator: " "))\" fill=\"\(colour)\" fill-opacity=\"0.2\" stroke=\"none\"/>\n"
            }
            let points = s.x.indices.filter { s.x[$0].isFinite && s.y[$0].isFinite }.map { "\(f(px(s.x[$0]))),\(f(py(s.y[$0])))" }
            if s.line {
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"1.5\"/>\n"
            }
            if s.markers {
                for p in points {
                    let xy = p.split(separator: ",")
                    svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"3\" fill=\"\(colour)\"/>"
                }
                svg += "\n"
            }
            let ly = top + 16 + Double(i) * 16
            svg += "<line x1=\"\(f(left + plotW - 150))\" y1=\"\(f(ly - 4))\" x2=\"\(f(left + plotW - 130))\" y2=\"\(f(ly - 4))\" stroke=\"\(colour)\" stroke-width=\"2\"/>"
            svg += "<text x=\"\(f(left + plotW - 124))\" y=\"\(f(ly))\">\(Self.escape(s.name))</text>\n"
        }
        return svg + "</svg>\n"
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}

import Kinetics
import Lattice

/// The coating's column move and its census (docs/MODEL.md §4c, §6).
///
/// A coating occupies, in every column (x, y), one contiguous run of C and C_Li sites: it starts as
/// `coating_thickness_sites` layers and changes only by C ↔ C_Li and by whole-column moves, which
/// keep a run contiguous. The move is non-local — every site from the buried interface to the
/// first empty site above changes — and is carried out as a sequence of single-site changes
/// (``change(_:to:affected:)``), each of which keeps keys, hop targets, dead flags and the affected
/// events exact; the sites below a changed site whose column passes through it are listed too
/// (``listColumnEvents(below:stride:words:readers:affected:)``).
extension LithiumModel {
    /// Whether the coating's column move is possible at `site` (a C_Li site moving up, or with
    /// `hostAbove` a Li site under a coating host moving down): Li or M directly below, and, moving
    /// up, the site right above the coating's run empty (inside the lattice). A column carrying Li,
    /// SEI or M right on its coating does not move up: lifting them would change their lateral bonds,
    /// an energy change the local rate classes cannot express (docs/MODEL.md §4c). Moving down, the run
    /// may end under anything (an empty site, a solid, the lattice top): its top site becomes empty,
    /// which changes no bond (nothing bonds to the coating), and this is the exact reverse of a move up
    /// into an empty site under an overhang or into the top plane.
    @inline(__always) func columnMoves(_ site: UInt32, hostAbove: Bool) -> Bool {
        let stride = UInt32(truncatingIfNeeded: sites.shape.lx &* sites.shape.ly)
        let count = UInt32(truncatingIfNeeded: sites.shape.siteCount)
        guard site >= stride else { return false }
        let below = kind(cells[Int(site &- stride)])
        guard below == SiteKind.lithium || below == SiteKind.substrate else { return false }
        let s = site &+ stride
        if hostAbove { return s < count && kind(cells[Int(s)]) == SiteKind.coating }
        let end = endOfRun(above: site)
        return end < count && kind(cells[Int(end)]) == SiteKind.empty
    }

    /// The first site above `site` that is not coating (C or C_Li), or the first index beyond the lattice.
    @inline(__always) func endOfRun(above site: UInt32) -> UInt32 {
        let stride = UInt32(truncatingIfNeeded: sites.shape.lx &* sites.shape.ly)
        let count = UInt32(truncatingIfNeeded: sites.shape.siteCount)
        var s = site &+ stride
        while s < count && SiteKind.isCoating(kind(cells[Int(s)])) { s &+= stride }
        return s
    }

    /// The column move. Up (plating underneath): the C_Li site becomes Li and everything above it up
    /// to the first empty site moves up one site, a new host C taking the place above the new Li
    /// (volume conserved: the host site is pushed up). Down (uptake into the coating): the Li site
    /// becomes C_Li, the host above it is consumed and the run above moves down one site, its top
    /// becoming empty.
    mutating func shiftColumn(at site: UInt32, up: Bool, affected: AffectedEvents) {
        // Many changes, not all of neighbours: one may list as unchanged what a later one changes.
        skipsUnchanged = false
        let stride = UInt32(shape.lx * shape.ly)
        // The end of the coating's run above the site: moving up, the empty site it moves into
        // (``columnMoves(_:hostAbove:)`` checked it); moving down, whatever lies on the run, or the
        // first index beyond the lattice.
        let top = endOfRun(above: site)
        if up {
            // Top down, so that each site takes the kind its lower neighbour still holds.
            var s = top
            while s > site + stride {
                let below = kind(cells[Int(s - stride)])
                if kind(cells[Int(s)]) != below { change(s, to: below, affected: affected) }
                s -= stride
            }
            if kind(cells[Int(site + stride)]) != SiteKind.coating { change(site + stride, to: SiteKind.coating, affected: affected) }
            change(site, to: SiteKind.lithium, affected: affected)
        } else {
            change(site, to: SiteKind.lithiatedCoating, affected: affected)
            var s = site + stride
            while s + stride < top {
                let above = kind(cells[Int(s + stride)])
                if kind(cells[Int(s)]) != above { change(s, to: above, affected: affected) }
                s += stride
            }
            change(s, to: SiteKind.empty, affected: affected)
        }
    }

    /// Lists the column-reading events of the sites below `site` whose column passes through it: the
    /// run of coating below it and the first site under that run (the site right below is a
    /// neighbour, listed with all its events already).
    @inline(__always) static func listColumnEvents(below site: UInt32, stride: UInt32, words: UnsafeMutablePointer<UInt32>,
                                                   readers: UInt32, affected: AffectedEvents) {
        guard site >= stride else { return }
        var s = site - stride
        while s >= stride && SiteKind.isCoating(CellLayout.kind(words[Int(s)])) {
            s -= stride
            EventLookup.list(EventLookup.slots(of: CellLayout.kind(words[Int(s)]), in: readers), of: s, to: affected)
        }
    }

    /// Where the Li and the coating are (docs/MODEL.md §6), from one pass over the columns.
    public func coatingCensus() -> CoatingCensus {
        let shape = self.shape
        var census = CoatingCensus()
        var bottoms: [Double] = [], tops: [Double] = []
        bottoms.reserveCapacity(shape.lx * shape.ly)
        for y in 0..<shape.ly {
            for x in 0..<shape.lx {
                var lowest = shape.lz, highest = -1, surface = 0
                var lithium: [Int] = []
                for z in 0..<shape.lz {
                    let k = sites[shape.index(x: x, y: y, z: z)]
                    if SiteKind.isCoating(k) { lowest = min(lowest, z); highest = z }
                    if k == SiteKind.lithiatedCoating { census.inCoating += 1 }
                    if k == SiteKind.lithium { lithium.append(z) }
                    if k != SiteKind.empty { surface = z + 1 }
                }
                for z in lithium { if z < lowest { census.underneath += 1 } else { census.onTop += 1 } }
                if highest >= 0 { bottoms.append(Double(lowest)) }
                tops.append(Double(surface))
            }
        }
        let edge = parameters.siteEdge
        func rms(_ h: [Double]) -> Double {
            guard !h.isEmpty else { return .nan }
            let mean = h.reduce(0, +) / Double(h.count)
            return (h.map { ($0 - mean) * ($0 - mean) }.reduce(0, +) / Double(h.count)).squareRoot() * edge
        }
        census.charge = netFaradaicEvents
        census.meanInterfaceHeight = bottoms.isEmpty ? .nan : bottoms.reduce(0, +) / Double(bottoms.count)
        census.interfaceRoughness = rms(bottoms)
        census.surfaceRoughness = rms(tops)
        return census
    }
}

/// The Li and the coating of an electrode at one moment (docs/MODEL.md §6). In every column the
/// coating is one run of C/C_Li sites; Li metal below the run is *underneath*, Li metal above it
/// *on top* (without a coating all Li is on top).
public struct CoatingCensus: Sendable, Equatable {
    /// Li metal sites below / above their column's coating, and C_Li sites.
    public var underneath = 0, onTop = 0, inCoating = 0
    /// Net faradaic events so far (cathodic positive): the Li plated since the start, sites.
    public var charge = 0
    /// Mean z of the coating's lowest site over the columns (the buried interface), sites.
    public var meanInterfaceHeight = Double.nan
    /// rms roughness of the buried Li/coating interface and of the top surface (the height of the
    /// highest solid site in each column), nm.
    public var interfaceRoughness = Double.nan
    public var surfaceRoughness = Double.nan

    public init() {}

    public init(underneath: Int, onTop: Int, inCoating: Int, charge: Int, meanInterfaceHeight: Double, interfaceRoughness: Double,
                surfaceRoughness: Double) {
        (self.underneath, self.onTop, self.inCoating, self.charge) = (underneath, onTop, inCoating, charge)
        (self.meanInterfaceHeight, self.interfaceRoughness, self.surfaceRoughness) = (meanInterfaceHeight, interfaceRoughness, surfaceRoughness)
    }
}

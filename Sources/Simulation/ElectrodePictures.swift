import Lattice
import LithiumModel
import Output

/// Pictures of an electrode's state: a cross-section coloured by site kind (dead Li in red) and a
/// top view of the deposit's height, both PNG (through the system libpng).
public enum ElectrodePictures {
    /// Colour of each kind; connected Li is blue, dead Li red.
    static func colour(of kind: UInt8, dead: Bool, substrate: String) -> RGB {
        switch kind {
        case SiteKind.lithium: return dead ? RGB(215, 38, 40) : RGB(70, 130, 200)
        case SiteKind.substrate: return substrate == "Cu" ? RGB(184, 115, 51) : RGB(200, 170, 60)
        case SiteKind.alloy: return RGB(150, 90, 180)
        case SiteKind.sei: return RGB(110, 140, 50)
        default: return RGB(248, 248, 248)
        }
    }

    /// Pixels per site so that the longer side is about `target` pixels.
    static func scale(_ sites: Int, target: Int = 640) -> Int { max(1, min(16, target / max(1, sites))) }

    /// The x–z plane at y = `y` (default: the middle), z = 0 at the bottom.
    public static func crossSection(of model: LithiumModel, y: Int? = nil) -> RGBImage {
        let shape = model.shape, row = y ?? shape.ly / 2
        let s = scale(max(shape.lx, shape.lz))
        var image = RGBImage(width: shape.lx * s, height: shape.lz * s)
        for z in 0..<shape.lz {
            for x in 0..<shape.lx {
                let site = shape.index(x: x, y: row, z: z)
                let c = colour(of: model.grid[site], dead: model.isDeadLithium(site), substrate: model.parameters.substrate.name)
                image.fillCell(x: x, y: shape.lz - 1 - z, scale: s, with: c)
            }
        }
        return image
    }

    /// Top view: each column coloured by its highest solid site, brighter the higher it is.
    public static func heightMap(of model: LithiumModel) -> RGBImage {
        let shape = model.shape
        let s = scale(max(shape.lx, shape.ly))
        var image = RGBImage(width: shape.lx * s, height: shape.ly * s)
        for y in 0..<shape.ly {
            for x in 0..<shape.lx {
                var z = shape.lz - 1
                while z > 0 && model.grid[shape.index(x: x, y: y, z: z)] == SiteKind.empty { z -= 1 }
                let site = shape.index(x: x, y: y, z: z)
                let base = colour(of: model.grid[site], dead: model.isDeadLithium(site), substrate: model.parameters.substrate.name)
                image.fillCell(x: x, y: shape.ly - 1 - y, scale: s, with: base.scaled(0.45 + 0.55 * Double(z) / Double(max(1, shape.lz - 1))))
            }
        }
        return image
    }
}

/// LAMMPS-style text dump frames (readable by OVITO): every solid site as an atom, positions in nm
/// at site centres, type 1 connected Li, 2 dead Li, 3 substrate M, 4 Li–M alloy, 5 SEI.
public enum LAMMPSDump {
    public static func frame(of model: LithiumModel, timestep: UInt64) -> String {
        let shape = model.shape, edge = model.parameters.siteEdge
        var lines: [String] = []
        var id = 0
        for site in 0..<UInt32(shape.siteCount) {
            let kind = model.grid[site]
            guard kind != SiteKind.empty else { continue }
            let type: Int
            switch kind {
            case SiteKind.lithium: type = model.isDeadLithium(site) ? 2 : 1
            case SiteKind.substrate: type = 3
            case SiteKind.alloy: type = 4
            default: type = 5
            }
            let c = shape.coordinates(of: site)
            id += 1
            lines.append("\(id) \(type) \((Double(c.x) + 0.5) * edge) \((Double(c.y) + 0.5) * edge) \((Double(c.z) + 0.5) * edge)")
        }
        let header = [
            "ITEM: TIMESTEP", "\(timestep)", "ITEM: NUMBER OF ATOMS", "\(id)", "ITEM: BOX BOUNDS pp pp ff",
            "0 \(Double(shape.lx) * edge)", "0 \(Double(shape.ly) * edge)", "0 \(Double(shape.lz) * edge)",
            "ITEM: ATOMS id type x y z",
        ]
        return (header + lines).joined(separator: "\n") + "\n"
    }
}

import GSLRandom

/// A second, deliberately plain simulation of submonolayer irreversible aggregation with the rules
/// the Li model follows in `deposition` mode on one free layer with a strong Li–Li bond: atoms land
/// on an empty site that has an empty neighbour (rate F per site), an atom with no Li neighbour
/// hops to each of its four neighbours with rate D (they are all empty), an atom with a Li
/// neighbour never moves again (i* = 1). Its own lattice walk, its own selection (thinning: a
/// landing on an ineligible site is a rejected attempt) and its own cluster count; it shares
/// nothing with the engine but the GSL generator.
struct AggregationOracle {
    let size: Int
    let ratio: Double  // D/F

    /// Islands (face-connected clusters of ≥ 2 atoms, periodic) per site at coverage `coverage`.
    func islandDensity(coverage: Double, seed: UInt64) throws -> Double {
        let random = try RandomStream(seed: seed)
        let n = size * size
        var occupied = [Bool](repeating: false, count: n)
        var mobile: [Int] = [], slot = [Int](repeating: -1, count: n)
        func freeze(_ s: Int) {
            guard slot[s] >= 0 else { return }
            let last = mobile.removeLast()
            if last != s { mobile[slot[s]] = last; slot[last] = slot[s] }
            slot[s] = -1
        }
        func arrive(_ s: Int) {
            occupied[s] = true
            let bonded = neighbors(s).filter { occupied[$0] }
            if bonded.isEmpty {
                slot[s] = mobile.count
                mobile.append(s)
            }
            for b in bonded { freeze(b) }
        }
        var deposited = 0
        let target = Int((coverage * Double(n)).rounded(.up))
        while deposited < target {
            let landing = Double(n), hopping = 4 * ratio * Double(mobile.count)
            if random.uniform() * (landing + hopping) < landing {
                let s = try random.integer(below: n)
                guard !occupied[s], neighbors(s).contains(where: { !occupied[$0] }) else { continue }
                arrive(s)
                deposited += 1
            } else {
                let s = mobile[try random.integer(below: mobile.count)]
                let to = neighbors(s)[try random.integer(below: 4)]
                freeze(s)
                occupied[s] = false
                arrive(to)
            }
        }
        return Double(clusters(occupied, minimumSize: 2)) / Double(n)
    }

    /// The four face neighbours of site `s` on the periodic square lattice.
    func neighbors(_ s: Int) -> [Int] {
        let (x, y) = (s % size, s / size)
        return [(x + 1) % size + y * size, (x + size - 1) % size + y * size,
                x + ((y + 1) % size) * size, x + ((y + size - 1) % size) * size]
    }

    func clusters(_ occupied: [Bool], minimumSize: Int) -> Int {
        var seen = [Bool](repeating: false, count: occupied.count), count = 0
        for start in occupied.indices where occupied[start] && !seen[start] {
            var stack = [start], members = 0
            seen[start] = true
            while let s = stack.popLast() {
                members += 1
                for t in neighbors(s) where occupied[t] && !seen[t] {
                    seen[t] = true
                    stack.append(t)
                }
            }
            if members >= minimumSize { count += 1 }
        }
        return count
    }
}

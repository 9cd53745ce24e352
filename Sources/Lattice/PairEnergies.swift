/// Bond-counting energetics: a symmetric table of pair energies ε(a, b) (eV) between site states
/// 0 ..< stateCount, for the Hamiltonian H = −Σ ε(sᵢ, sⱼ) over face-neighbour pairs (each pair once).
///
/// One description shared by every application that counts bonds (the Li model's ε(Li,·), the
/// complexion sampler's ε(Li,Li), ε(M,M), ε(Li,M) and its surface terms ε(·, empty)), so that the
/// energy of a site is computed the same way everywhere. What the states mean is the caller's.
public struct PairEnergies: Sendable, Hashable {
    public let stateCount: Int
    /// Row-major stateCount × stateCount, symmetric.
    @usableFromInline let table: [Double]

    /// All pairs zero (no bonds).
    public init(stateCount: Int) {
        precondition(stateCount > 0, "stateCount must be > 0")
        self.stateCount = stateCount
        table = [Double](repeating: 0, count: stateCount * stateCount)
    }

    private init(stateCount: Int, table: [Double]) {
        self.stateCount = stateCount
        self.table = table
    }

    /// ε(a, b) = ε(b, a), eV.
    @inlinable @inline(__always)
    public subscript(a: Int, b: Int) -> Double { table[a &* stateCount &+ b] }

    /// A copy with ε(a, b) = ε(b, a) = `energy`.
    public func setting(_ a: Int, _ b: Int, to energy: Double) -> PairEnergies {
        var t = table
        t[a * stateCount + b] = energy
        t[b * stateCount + a] = energy
        return PairEnergies(stateCount: stateCount, table: t)
    }

    /// Binding of a site in state `state` to neighbours counted by state (`counts[k]` neighbours
    /// in state k): Σ_k counts[k]·ε(state, k), eV, summed in state order.
    @inlinable
    public func binding(of state: Int, neighborCounts counts: some Collection<Int>) -> Double {
        var sum = 0.0
        for (k, n) in counts.enumerated() where n != 0 { sum += Double(n) * self[state, k] }
        return sum
    }

    /// The energy change of turning a site from state `a` into `b` with the given neighbour
    /// counts: ΔH = −Σ_k counts[k]·(ε(b, k) − ε(a, k)), eV.
    @inlinable
    public func changeEnergy(from a: Int, to b: Int, neighborCounts counts: some Collection<Int>) -> Double {
        binding(of: a, neighborCounts: counts) - binding(of: b, neighborCounts: counts)
    }

    /// Whether every entry is finite.
    public var isFinite: Bool { table.allSatisfy(\.isFinite) }
}

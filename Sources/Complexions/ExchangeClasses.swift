/// The rate classes of ``ExchangeKinetics``: one per distinct ΔH of a Li–M swap, with the map
/// from (species at the first end, neighbour counts of each end) to class.
struct ExchangeClasses {
    let rates: [Double]
    /// classOfKey[(first is M ? 1 : 0)·216² + key(first)·216 + key(second)], −1 where impossible.
    let classOfKey: [Int16]
    static let keySpace = 216

    init(parameters: ComplexionParameters, rates exchange: ExchangeRates) {
        let e = parameters.pairEnergies
        let kT = parameters.thermalEnergy
        var classOfKey = [Int16](repeating: -1, count: 2 * Self.keySpace * Self.keySpace)
        var index: [Double: Int16] = [:]
        var rates: [Double] = []
        // ΔH of a site turning a → b with neighbour counts (n_empty, n_Li, n_M).
        func change(_ a: Int, _ b: Int, _ n: [Int]) -> Double {
            (0..<3).reduce(0.0) { $0 + Double(n[$1]) * (e[a, $1] - e[b, $1]) }
        }
        let counts = (0...5).flatMap { s in (0...s).flatMap { em in (0...(s - em)).map { l in [em, l, s - em - l] } } }
        let li = Int(SlabSpecies.lithium), m = Int(SlabSpecies.solute)
        for (firstIsM, (a, b)) in [(li, m), (m, li)].enumerated() {
            for ci in counts {
                for cj in counts {
                    let delta = change(a, b, ci) + change(b, a, cj)
                    let c: Int16
                    if let known = index[delta] { c = known } else {
                        c = Int16(rates.count)
                        index[delta] = c
                        rates.append(exchange.rate(energyChange: delta, thermalEnergy: kT))
                    }
                    let ki = ci[0] * 36 + ci[1] * 6 + ci[2], kj = cj[0] * 36 + cj[1] * 6 + cj[2]
                    classOfKey[(firstIsM * Self.keySpace + ki) * Self.keySpace + kj] = c
                }
            }
        }
        self.rates = rates
        self.classOfKey = classOfKey
    }
}

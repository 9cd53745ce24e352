import Foundation

/// Every configuration a tiny electrode can reach from a start, with the ``RateOracle``'s
/// transitions between them, and the exact stationary distribution of that Markov jump process.
struct StateSpace {
    let states: [[UInt8]]
    let index: [[UInt8]: Int]
    /// rates[i][j]: total rate from state i to state j (all events that lead there).
    let rates: [[Int: Double]]

    init(oracle: RateOracle, start: [UInt8], eta: Double) {
        var states = [start], index = [start: 0], rates: [[Int: Double]] = []
        var next = 0
        while next < states.count {
            var out: [Int: Double] = [:]
            for t in oracle.transitions(states[next], eta: eta) {
                if index[t.result] == nil {
                    index[t.result] = states.count
                    states.append(t.result)
                }
                out[index[t.result]!, default: 0] += t.rate
            }
            rates.append(out)
            next += 1
        }
        (self.states, self.index, self.rates) = (states, index, rates)
    }

    /// π with π·Q = 0 and Σπ = 1, by Gaussian elimination with partial pivoting on Qᵀ (the last
    /// equation replaced by the normalisation).
    func stationaryDistribution() -> [Double] {
        let n = states.count
        var a = [[Double]](repeating: [Double](repeating: 0, count: n + 1), count: n)
        for (i, out) in rates.enumerated() {
            for (j, r) in out where j != i {
                a[j][i] += r
                a[i][i] -= r
            }
        }
        a[n - 1] = [Double](repeating: 1, count: n + 1)
        for column in 0..<n {
            let pivot = (column..<n).max { abs(a[$0][column]) < abs(a[$1][column]) }!
            a.swapAt(column, pivot)
            for row in 0..<n where row != column && a[row][column] != 0 {
                let factor = a[row][column] / a[column][column]
                for k in column...n { a[row][k] -= factor * a[column][k] }
            }
        }
        return (0..<n).map { a[$0][n] / a[$0][$0] }
    }
}

import Foundation
import GSLRandom
import Kinetics
import Testing

/// The O(1) rate-class store against a plain dictionary model, over long random sequences of
/// assignments (fixed seeds: every failure is reproducible).
@Suite struct RateClassTableTests {
    static func makeTable(events: Int, classes: Int) throws -> RateClassTable {
        let rates = (0..<classes).map { Double($0 + 1) * 0.75 }
        let types = (0..<classes).map { $0 % 2 }
        return RateClassTable(eventCount: events, catalog: try RateCatalog(rates: rates, types: types, typeCount: 2))
    }

    @Test(arguments: [UInt64(1), 2, 3, 4, 5])
    func randomAssignmentsMatchAReferenceModel(seed: UInt64) throws {
        let random = try RandomStream(seed: seed)
        let events = 500, classes = 7
        let table = try Self.makeTable(events: events, classes: classes)
        var model = [Int?](repeating: nil, count: events)
        for step in 0..<20_000 {
            let event = try random.integer(below: events)
            let choice = try random.integer(below: classes + 1)
            let newClass = choice == classes ? nil : choice
            table.assign(UInt32(event), to: newClass)
            model[event] = newClass
            if step % 1000 == 0 || step == 19_999 {
                for c in 0..<classes {
                    let expected = Set(model.indices.filter { model[$0] == c }.map(UInt32.init))
                    #expect(Set(table.members(ofClass: c)) == expected)
                    #expect(table.count(ofClass: c) == expected.count)
                }
                for e in 0..<events { #expect(table.rateClass(of: UInt32(e)) == model[e]) }
                let populated = (0..<classes).filter { c in model.contains { $0 == c } }
                #expect(table.activeClasses.sorted() == populated)
                let total = (0..<classes).reduce(0.0) { $0 + Double(table.count(ofClass: $1)) * table.rate(ofClass: $1) }
                #expect(table.totalRate == total)
            }
        }
    }

    @Test func selectionFollowsCumulativeIntervals() throws {
        let table = try Self.makeTable(events: 40, classes: 4)
        for e in 0..<40 { table.assign(UInt32(e), to: e % 5 == 4 ? nil : e % 4) }
        // Walk every event's interval: its midpoint must select exactly that event.
        var start = 0.0
        for c in 0..<4 {
            for event in table.members(ofClass: c) {
                let rate = table.rate(ofClass: c)
                let chosen = table.select(target: start + rate / 2)
                #expect(chosen.event == event && chosen.rateClass == c)
                start += rate
            }
        }
        #expect(abs(start - table.totalRate) < 1e-12 * start)
        // A target at the very top (rounding) still returns a valid event.
        #expect(table.rateClass(of: table.select(target: table.totalRate).event) != nil)
    }

    @Test func typeFactorsScaleWholeTypes() throws {
        let table = try Self.makeTable(events: 10, classes: 4)
        for e in 0..<10 { table.assign(UInt32(e), to: e % 4) }
        let before = table.totalRate(ofType: 1)
        table.setTypeFactor(1, to: 3)
        #expect(abs(table.totalRate(ofType: 1) - 3 * before) < 1e-12 * before)
        #expect(table.rate(ofClass: 1) == 3 * table.baseRates[1])
        #expect(table.rate(ofClass: 0) == table.baseRates[0])
    }

    /// The factor version moves when a factor changes or the watched types do, and only then:
    /// not for a factor set to what it was, nor for members coming and going. Two tables' versions differ.
    @Test func factorVersionMovesWithFactorsAndWatchedTypes() throws {
        let table = try Self.makeTable(events: 10, classes: 4)
        var version = table.factorVersion
        func moved() -> Bool {
            defer { version = table.factorVersion }
            return table.factorVersion != version
        }
        for e in 0..<10 { table.assign(UInt32(e), to: e % 4) }
        #expect(!moved())
        table.setTypeFactor(1, to: 3)
        #expect(moved())
        table.setTypeFactor(1, to: 3)
        #expect(!moved())
        table.watchBaseRateSums(ofTypes: SIMD4(1, 0, -1, -1))
        #expect(moved())
        table.watchBaseRateSums(ofTypes: SIMD4(1, 0, -1, -1))
        table.assign(3, to: nil)
        #expect(!moved())
        table.setTypeFactor(0, to: 0.5)
        #expect(moved())
        #expect(try Self.makeTable(events: 10, classes: 4).factorVersion != table.factorVersion)
    }

    @Test func allTypeSumsInOnePassEqualTheSumOfEachType() throws {
        let table = try Self.makeTable(events: 10, classes: 4)
        for e in 0..<10 { table.assign(UInt32(e), to: e % 4) }
        var sums = [Double](repeating: -1, count: table.typeCount)
        sums.withUnsafeMutableBufferPointer { table.baseRateSums(into: $0) }
        #expect(sums == (0..<table.typeCount).map { table.baseRateSum(ofType: $0) })
    }

    /// The watched sums equal those of the pass over every class bit for bit (same order of
    /// addition), and the total and the selection what the products of base rates and factors give,
    /// through random assignments that empty and refill classes, factor changes, a change of the
    /// watched types and a restore; rates of irregular magnitudes, so that a different order would
    /// round differently.
    @Test(arguments: [UInt64(6), 7, 8])
    func watchedSumsEqualThePassOverEveryClassBitForBit(seed: UInt64) throws {
        let random = try RandomStream(seed: seed)
        let events = 60, classes = 14, typeCount = 5
        let rates = try (0..<classes).map { _ in random.uniform() * pow(10, Double(try random.integer(below: 12)) - 6) }
        let table = RateClassTable(eventCount: events, catalog: try RateCatalog(
            rates: rates, types: (0..<classes).map { $0 % typeCount }, typeCount: typeCount))
        func check(_ watched: SIMD4<Int>) {
            var all = [Double](repeating: 0, count: typeCount)
            all.withUnsafeMutableBufferPointer { table.baseRateSums(into: $0) }
            let sums = table.watchedBaseRateSums()
            for lane in 0..<4 {
                #expect(sums[lane].bitPattern == (watched[lane] < 0 ? 0 : all[watched[lane]]).bitPattern, "lane \(lane)")
            }
        }
        /// The total and the selection as they were computed from the base rates and factors.
        func checkScans() throws {
            var total = 0.0
            for c in table.activeClasses { total += Double(table.count(ofClass: c)) * table.rate(ofClass: c) }
            #expect(table.totalRate.bitPattern == total.bitPattern)
            guard total > 0 else { return }
            let target = random.uniform() * total
            var remaining = target
            for c in table.activeClasses {
                let weight = Double(table.count(ofClass: c)) * table.rate(ofClass: c)
                if weight <= 0 { continue }
                if remaining < weight {
                    let chosen = table.select(target: target)
                    let position = remaining / table.rate(ofClass: c)
                    let slot = min(Int(position), table.count(ofClass: c) - 1)
                    #expect(chosen.rateClass == c && chosen.event == table.members(ofClass: c)[slot])
                    #expect(chosen.fraction.bitPattern == min(max(position - Double(slot), 0), 1.0.nextDown).bitPattern)
                    return
                }
                remaining -= weight
            }
        }
        var watched = SIMD4(2, 0, -1, 3)
        table.watchBaseRateSums(ofTypes: watched)
        for step in 0..<6_000 {
            let event = try random.integer(below: events)
            let choice = try random.integer(below: classes + 3)
            table.assign(UInt32(event), to: choice >= classes ? nil : choice)
            if step % 7 == 0 {  // a factor change, of a watched type or not
                table.setTypeFactor(try random.integer(below: typeCount), to: random.uniform() * 3)
            }
            check(watched)
            try checkScans()
            if step == 2_000 {
                watched = SIMD4(4, 1, 2, -1)
                table.watchBaseRateSums(ofTypes: watched)
                check(watched)
            }
            if step == 4_000 {
                let lists = (0..<classes).map { table.members(ofClass: $0) }
                let order = table.activeClasses
                for e in 0..<events { table.assign(UInt32(e), to: nil) }
                try table.restore(memberLists: lists, order: order)
                check(watched)
            }
        }
    }

    @Test func catalogRejectsUnphysicalRates() {
        #expect(throws: RateCatalogError.invalidRate(rateClass: 1, value: -1)) {
            try RateCatalog(rates: [1, -1])
        }
        #expect(throws: RateCatalogError.self) { try RateCatalog(rates: [.nan]) }
        #expect(throws: RateCatalogError.self) { try RateCatalog(rates: [1], types: [2], typeCount: 2) }
    }
}
